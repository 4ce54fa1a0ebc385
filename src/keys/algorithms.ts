/** The JWA algorithm each EC curve signs with (RFC 7518 section 3.4). */
export const EC_CURVE_ALG = { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" } as const;

/** The curves Okta accepts for EC signing keys. */
export type EcCurve = keyof typeof EC_CURVE_ALG;

/** The algorithms Okta accepts for RSA keys, per `use`; the first is the one a key gets when it names none. */
export const RSA_ALGS = {
  sig: ["RS256", "RS384", "RS512"],
  enc: ["RSA-OAEP-256", "RSA-OAEP", "RSA-OAEP-384", "RSA-OAEP-512"],
} as const;

/** Whether `crv` is one of the curves Okta accepts. */
export function isEcCurve(crv: unknown): crv is EcCurve {
  return typeof crv === "string" && Object.hasOwn(EC_CURVE_ALG, crv);
}

/** The algorithm a key is used with when it names none: RS256, RSA-OAEP-256, or ES256/384/512 by curve. */
export function naturalAlg(use: "sig" | "enc", crv?: EcCurve): string {
  return crv === undefined ? RSA_ALGS[use][0] : EC_CURVE_ALG[crv];
}

/** Whether `alg` suits a key of this `use` (and curve, for EC). */
export function algFits(alg: string, use: "sig" | "enc", crv?: EcCurve): boolean {
  if (crv !== undefined) return use === "sig" && EC_CURVE_ALG[crv] === alg;
  return (RSA_ALGS[use] as readonly string[]).includes(alg);
}
