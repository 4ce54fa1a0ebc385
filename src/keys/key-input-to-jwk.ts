import { exportJWK, importPKCS8, importSPKI, importX509, type JWK } from "jose";
import { pkcs1ToPkcs8 } from "./pkcs1-to-pkcs8.js";

/** A key `toOktaJwk` accepts: PEM text, a JWK object, a WebCrypto `CryptoKey`, or a Node `KeyObject`. */
export type KeyInput = string | JWK | CryptoKey | { export(options: { format: "jwk" }): unknown };

// WebCrypto needs an algorithm to import PEM; these cover every RSA key and the three curves Okta accepts.
const IMPORT_ALGS = ["RS256", "ES256", "ES384", "ES512"] as const;
const PEM = /^-----BEGIN ([A-Z0-9 ]+)-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END \1-----\s*$/;

/** What each PEM label holds and how it is imported; labels not listed are refused with a hint. */
const PEM_IMPORTERS: Record<string, (pem: string, alg: string) => Promise<CryptoKey>> = {
  "PUBLIC KEY": (pem, alg) => importSPKI(pem, alg, { extractable: true }),
  "PRIVATE KEY": (pem, alg) => importPKCS8(pem, alg, { extractable: true }),
  CERTIFICATE: (pem, alg) => importX509(pem, alg, { extractable: true }),
  "RSA PRIVATE KEY": (pem) => importPKCS8(rewrapPkcs1(pem), "RS256", { extractable: true }),
};

/**
 * Turns any accepted key into JWK members (possibly private ones, which the caller drops).
 * @throws {TypeError} naming `key`, never quoting it.
 */
export async function keyInputToJwk(key: unknown): Promise<Record<string, unknown>> {
  if (typeof key === "string") return pemToJwk(key.trim());
  if (typeof CryptoKey !== "undefined" && key instanceof CryptoKey) return cryptoKeyToJwk(key);
  if (typeof key !== "object" || key === null || Array.isArray(key)) {
    throw new TypeError("key must be a PEM string, a JWK object, a CryptoKey or a KeyObject");
  }
  const exporter = (key as { export?: unknown }).export;
  // A Node KeyObject, recognised by its shape so that this module imports nothing from node:.
  if (typeof exporter === "function" && !("kty" in key)) {
    const jwk: unknown = exporter.call(key, { format: "jwk" });
    if (typeof jwk !== "object" || jwk === null)
      throw new TypeError("key.export({ format: 'jwk' }) gave no JWK");
    return jwk as Record<string, unknown>;
  }
  return key as Record<string, unknown>;
}

async function pemToJwk(pem: string): Promise<Record<string, unknown>> {
  const label = pem.match(PEM)?.[1];
  if (label === undefined)
    throw new TypeError("key is not a PEM block (-----BEGIN …----- … -----END …-----)");
  const importer = PEM_IMPORTERS[label];
  if (!importer) {
    throw new TypeError(
      `key is a "${label}" PEM block; pass a "PUBLIC KEY", "PRIVATE KEY" (PKCS#8), "RSA PRIVATE KEY" or "CERTIFICATE"`,
    );
  }
  for (const alg of IMPORT_ALGS) {
    const imported = await Promise.resolve()
      .then(() => importer(pem, alg))
      .catch(() => undefined);
    if (imported) return cryptoKeyToJwk(imported);
  }
  throw new TypeError(
    `key is a "${label}" PEM block that holds no RSA key or EC key on P-256, P-384 or P-521`,
  );
}

async function cryptoKeyToJwk(key: CryptoKey): Promise<Record<string, unknown>> {
  if (!key.extractable) {
    throw new TypeError(
      "key is a CryptoKey that is not extractable; pass its public key or an extractable key",
    );
  }
  return { ...(await exportJWK(key)) };
}

function rewrapPkcs1(pem: string): string {
  const body = pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
  const der = pkcs1ToPkcs8(Uint8Array.from(atob(body), (char) => char.charCodeAt(0)));
  const base64 = btoa(String.fromCharCode(...der)).replace(/.{64}/g, "$&\n");
  return `-----BEGIN PRIVATE KEY-----\n${base64}\n-----END PRIVATE KEY-----`;
}
