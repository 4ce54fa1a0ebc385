import type { SigningAlgorithm } from "../signing-algorithm.js";

/** The one ECDSA algorithm each curve signs with (RFC 7518 §3.4). */
export const ALGORITHM_BY_CURVE: Readonly<Record<string, SigningAlgorithm>> = {
  "P-256": "ES256",
  "P-384": "ES384",
  "P-521": "ES512",
};

/** The RSA algorithm a WebCrypto RSASSA-PKCS1-v1_5 key is bound to by its hash. */
export const ALGORITHM_BY_RSA_HASH: Readonly<Record<string, SigningAlgorithm>> = {
  "SHA-256": "RS256",
  "SHA-384": "RS384",
  "SHA-512": "RS512",
};

/**
 * Picks the algorithm for a key: the one the key dictates (EC curve, CryptoKey hash), else `requested`, else RS256.
 * Throws a TypeError naming `auth.algorithm` when `requested` does not fit the key.
 */
export function chooseAlgorithm(
  key: { kty: "RSA"; bound?: SigningAlgorithm | undefined } | { kty: "EC"; crv: string },
  requested: SigningAlgorithm | undefined,
): SigningAlgorithm {
  const dictated = key.kty === "EC" ? ALGORITHM_BY_CURVE[key.crv] : key.bound;
  if (key.kty === "EC" && !dictated) {
    throw new TypeError(`auth.privateKey: EC curve ${key.crv} is not supported (use P-256, P-384 or P-521)`);
  }
  const family = key.kty === "EC" ? "ES" : "RS";
  if (requested && (!requested.startsWith(family) || (dictated && requested !== dictated))) {
    throw new TypeError(
      `auth.algorithm: ${requested} does not fit this ${key.kty} key (it signs with ${dictated ?? "RS256, RS384 or RS512"})`,
    );
  }
  return requested ?? dictated ?? "RS256";
}
