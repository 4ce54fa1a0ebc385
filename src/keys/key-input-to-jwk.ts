import { exportJWK, type JWK } from "jose";
import type { CryptoKeyLike } from "./crypto-key-like.js";
import { importPem } from "./import-pem.js";

/** A key `toOktaJwk` accepts: PEM text, a JWK object, a WebCrypto `CryptoKey`, or a Node `KeyObject`. */
export type KeyInput = string | JWK | CryptoKeyLike | { export(options: { format: "jwk" }): unknown };

/** A key's JWK members, and whether the caller gave them as a JWK (whose `alg` is then the caller's own word). */
export interface KeyMembers {
  readonly members: Record<string, unknown>;
  readonly isJwk: boolean;
}

/**
 * Turns any accepted key into JWK members (possibly private ones, which the caller drops).
 * @throws {TypeError} naming `key`, never quoting it.
 */
export async function keyInputToJwk(key: unknown): Promise<KeyMembers> {
  if (typeof key === "string") return { members: await pemToJwk(key), isJwk: false };
  if (typeof CryptoKey !== "undefined" && key instanceof CryptoKey) {
    return { members: await cryptoKeyToJwk(key), isJwk: false };
  }
  if (typeof key !== "object" || key === null || Array.isArray(key)) {
    throw new TypeError("key must be a PEM string, a JWK object, a CryptoKey or a KeyObject");
  }
  const exporter = (key as { export?: unknown }).export;
  // A Node KeyObject, recognised by its shape so that this module imports nothing from node:.
  if (typeof exporter === "function" && !("kty" in key)) {
    const jwk: unknown = exporter.call(key, { format: "jwk" });
    if (typeof jwk !== "object" || jwk === null)
      throw new TypeError("key.export({ format: 'jwk' }) gave no JWK");
    return { members: jwk as Record<string, unknown>, isJwk: false };
  }
  return { members: key as Record<string, unknown>, isJwk: true };
}

async function pemToJwk(pem: string): Promise<Record<string, unknown>> {
  // Any RSA key imports for RS256; for ECDH-ES, jose reads an EC key's curve from the key itself.
  const options = { name: "key", privateOnly: false, algs: ["RS256", "ECDH-ES"], extractable: true };
  return cryptoKeyToJwk((await importPem(pem, options)).key);
}

async function cryptoKeyToJwk(key: CryptoKey): Promise<Record<string, unknown>> {
  if (!key.extractable) {
    throw new TypeError(
      "key is a CryptoKey that is not extractable; pass its public key or an extractable key",
    );
  }
  return { ...(await exportJWK(key)) };
}
