interface AlgorithmRow {
  readonly use: "sig" | "enc";
  /** The curve of an EC algorithm; RSA algorithms have none. */
  readonly crv?: string;
  /** The hash a WebCrypto RSASSA-PKCS1-v1_5 key is bound to. */
  readonly hash?: string;
}

/** The signing algorithms Okta accepts for client assertions, in the table's order. */
export const SIGNING_ALGS = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"] as const;

/** A signing algorithm Okta accepts. */
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/**
 * Every JWA algorithm Okta accepts on an app's client keys, and the key it needs. For each `use`, the first RSA row
 * is what an RSA key gets when it names no algorithm.
 * @see RFC 7518 sections 3.1 and 4.1
 */
const ALGORITHMS = {
  RS256: { use: "sig", hash: "SHA-256" },
  RS384: { use: "sig", hash: "SHA-384" },
  RS512: { use: "sig", hash: "SHA-512" },
  ES256: { use: "sig", crv: "P-256" },
  ES384: { use: "sig", crv: "P-384" },
  ES512: { use: "sig", crv: "P-521" },
  "RSA-OAEP-256": { use: "enc" },
  "RSA-OAEP": { use: "enc" },
  "RSA-OAEP-384": { use: "enc" },
  "RSA-OAEP-512": { use: "enc" },
} as const satisfies Record<SigningAlg, AlgorithmRow & { readonly use: "sig" }> &
  Record<string, AlgorithmRow>;

type Table = typeof ALGORITHMS;
type Alg = keyof Table;

/** The curves Okta accepts for EC signing keys. */
export type EcCurve = { [A in Alg]: Table[A] extends { crv: infer C } ? C : never }[Alg];

const ROWS = Object.entries(ALGORITHMS) as [Alg, AlgorithmRow][];

const SIGNING_ROWS = SIGNING_ALGS.map((alg): [SigningAlg, AlgorithmRow] => [alg, ALGORITHMS[alg]]);

/** Whether `value` is one of {@link SIGNING_ALGS}. */
export function isSigningAlg(value: unknown): value is SigningAlg {
  return (SIGNING_ALGS as readonly unknown[]).includes(value);
}

/** Whether `crv` is one of the curves Okta accepts. */
export function isEcCurve(crv: unknown): crv is EcCurve {
  return typeof crv === "string" && ROWS.some(([, row]) => row.crv === crv);
}

/** Whether `alg` suits a key of this `use` on this curve (none for RSA). */
export function algFits(alg: string, use: "sig" | "enc", crv?: EcCurve): boolean {
  const row: AlgorithmRow | undefined = Object.hasOwn(ALGORITHMS, alg) ? ALGORITHMS[alg as Alg] : undefined;
  return row?.use === use && row.crv === crv;
}

/** The algorithm a key is used with when it names none: RS256, RSA-OAEP-256, or ES256/384/512 by curve. */
export function naturalAlg(use: "sig" | "enc", crv?: EcCurve): string {
  // An EC key only signs. Both uses have RSA rows and every curve a signing row: the fallback is never reached.
  const natural = ROWS.find(([alg]) => algFits(alg, crv === undefined ? use : "sig", crv));
  return natural?.[0] ?? "RS256";
}

/** The one signing algorithm a WebCrypto key is bound to by its curve (ECDSA) or its hash (RSASSA-PKCS1-v1_5). */
export function boundAlg(key: {
  readonly crv?: string | undefined;
  readonly hash?: string | undefined;
}): SigningAlg | undefined {
  return SIGNING_ROWS.find(([, row]) => row.crv === key.crv && row.hash === key.hash)?.[0];
}
