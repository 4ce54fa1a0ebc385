import type { JWK } from "jose";

/** `auth.privateKey` sorted by kind, after the checks that need no decoding: the key's contents come later. */
export type KeyShape =
  | { readonly kind: "pem"; readonly text: string }
  | { readonly kind: "jwk"; readonly jwk: JWK }
  | { readonly kind: "cryptoKey"; readonly key: CryptoKey };

/**
 * Checks what `auth.privateKey` is without decoding anything, cheaply enough to run when the client is created: a
 * string with a PEM BEGIN line, a private CryptoKey that can sign, or a JWK of type RSA or EC that has its private
 * `d`. What the key holds (PEM label and body, JWK algorithm and curve, CryptoKey algorithm) is checked by
 * `toSigningKey`, which loads with the rest of private-key auth and takes this result.
 * @throws {TypeError} naming `auth.privateKey`; messages never contain key material.
 */
export function checkKeyShape(privateKey: unknown): KeyShape {
  if (typeof privateKey === "string") {
    if (!/-----BEGIN [A-Z0-9 ]+-----/.test(privateKey)) {
      throw new TypeError("auth.privateKey: expected a PEM block (-----BEGIN PRIVATE KEY-----)");
    }
    return { kind: "pem", text: privateKey };
  }
  if (isCryptoKey(privateKey)) {
    if (privateKey.type !== "private" || !privateKey.usages.includes("sign")) {
      throw new TypeError(`auth.privateKey: the CryptoKey must be a private key with the "sign" usage`);
    }
    return { kind: "cryptoKey", key: privateKey };
  }
  if (typeof privateKey === "object" && privateKey !== null) {
    const jwk = privateKey as JWK;
    if (jwk.kty !== "RSA" && jwk.kty !== "EC")
      throw new TypeError(`auth.privateKey: JWK kty must be "RSA" or "EC"`);
    if (typeof jwk.d !== "string") {
      throw new TypeError(`auth.privateKey: the JWK has no "d", so it is a public key; pass the private key`);
    }
    return { kind: "jwk", jwk };
  }
  throw new TypeError("auth.privateKey: expected a PEM string, a private JWK or a CryptoKey");
}

function isCryptoKey(value: unknown): value is CryptoKey {
  if (typeof CryptoKey === "function" && value instanceof CryptoKey) return true;
  return Object.prototype.toString.call(value) === "[object CryptoKey]";
}
