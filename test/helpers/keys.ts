import { createPrivateKey } from "node:crypto";
import { exportJWK, exportPKCS8, generateKeyPair, type JWK } from "jose";

/** One test key pair in every form the authenticator accepts. */
export interface TestKey {
  readonly publicKey: CryptoKey;
  readonly privateKey: CryptoKey;
  readonly pkcs8: string;
  readonly jwk: JWK;
  readonly publicJwk: JWK;
}

/** Generates an extractable key pair for `alg` (RS256 → RSA 2048, ES256 → P-256, …). */
export async function makeTestKey(alg: string): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const [pkcs8, jwk, publicJwk] = await Promise.all([
    exportPKCS8(privateKey),
    exportJWK(privateKey),
    exportJWK(publicKey),
  ]);
  return { publicKey, privateKey, pkcs8, jwk, publicJwk };
}

/** The same RSA key as a PKCS#1 "BEGIN RSA PRIVATE KEY" PEM, converted by OpenSSL (test side only). */
export function toPkcs1Pem(pkcs8: string): string {
  return createPrivateKey(pkcs8).export({ type: "pkcs1", format: "pem" }).toString();
}

/** The same EC key as a SEC1 "BEGIN EC PRIVATE KEY" PEM. */
export function toSec1Pem(pkcs8: string): string {
  return createPrivateKey(pkcs8).export({ type: "sec1", format: "pem" }).toString();
}
