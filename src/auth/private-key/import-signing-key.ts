import { importJWK, importPKCS8, type JWK } from "jose";
import type { SigningAlgorithm } from "../signing-algorithm.js";

/** A checked private key, not yet imported: PKCS#8 PEM text or a private JWK. */
export type KeySource = { readonly pkcs8: string } | { readonly jwk: JWK };

/**
 * Imports a checked private key as a non-extractable CryptoKey with jose. Kept apart from the checks so that jose
 * is loaded only when a token is first needed.
 */
export async function importSigningKey(source: KeySource, alg: SigningAlgorithm): Promise<CryptoKey> {
  if ("pkcs8" in source) return importPKCS8(source.pkcs8, alg, { extractable: false });
  return (await importJWK({ ...source.jwk, ext: false }, alg, { extractable: false })) as CryptoKey;
}
