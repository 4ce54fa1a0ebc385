import type { CredentialStatus, NewJwk } from "../api/types.js";
import { algFits, type EcCurve, naturalAlg } from "./algorithms.js";
import type { KeyInput } from "./key-input-to-jwk.js";
import { toPublicMembers } from "./to-public-members.js";

export type { KeyInput } from "./key-input-to-jwk.js";

/** Options of {@link toOktaJwk}. */
export interface ToOktaJwkOptions {
  /** `sig` for a key that signs client assertions or request objects, `enc` for an ID token encryption key. */
  readonly use: "sig" | "enc";
  /**
   * The JWA algorithm; it must suit the key (RS256/384/512 or RSA-OAEP* for RSA, ES256/384/512 by curve).
   * @default the key's own `alg` when it is a JWK that has one (refused when it does not suit the key), else RS256,
   * RSA-OAEP-256 or ES256/ES384/ES512
   */
  readonly alg?: string;
  /**
   * The JWK `kid`, which client assertions name in their header.
   * @default the key's own `kid` when it is a JWK that has one, else its RFC 7638 SHA-256 thumbprint
   */
  readonly kid?: string;
  /** @default "ACTIVE" (Okta's default when the member is left out) */
  readonly status?: CredentialStatus;
}

const STATUSES = new Set(["ACTIVE", "INACTIVE"]);

/**
 * Turns a key into the body of `jwks.add`: only the public members (`kty`, `n`, `e` or `crv`, `x`, `y`), with
 * `use`, `alg` and `kid` filled in. Private keys are accepted and only their public half is kept; the public members
 * are imported with jose, so that only a real key goes to Okta.
 * @throws {TypeError} naming the argument; messages never quote key material.
 * @see RFC 7517, RFC 7638
 */
export async function toOktaJwk(key: KeyInput, options: ToOktaJwkOptions): Promise<NewJwk> {
  checkOptions(options);
  const [{ keyInputToJwk }, jose] = await Promise.all([
    import("./key-input-to-jwk.js"),
    import("./jose-keys.js"),
  ]);
  const { members: source, isJwk } = await keyInputToJwk(key);
  if (source.use !== undefined && source.use !== options.use) {
    throw new TypeError(`key has "use": "${String(source.use)}" but options.use is "${options.use}"`);
  }
  const publicMembers = toPublicMembers(source, options.use);
  const crv = publicMembers.kty === "EC" ? publicMembers.crv : undefined;
  const alg = chooseAlg(isJwk ? source.alg : undefined, isJwk ? undefined : source.alg, options, crv);
  await jose.importJWK({ ...publicMembers }, alg).catch((error: unknown) => {
    const reason = error instanceof Error ? error.name : "error";
    throw new TypeError(`key: its public members are not a valid ${publicMembers.kty} key (${reason})`);
  });
  const ownKid = typeof source.kid === "string" && source.kid !== "" ? source.kid : undefined;
  const kid = options.kid ?? ownKid ?? (await jose.calculateJwkThumbprint(publicMembers, "sha256"));
  const status = options.status === undefined ? {} : { status: options.status };
  return { use: options.use, alg, kid, ...status, ...publicMembers } as NewJwk;
}

/**
 * `options.alg`, else the JWK's own `alg`, else the one a `CryptoKey` or PEM was bound to when it suits, else the
 * natural one. A JWK's own `alg` is the caller's word, so one that does not suit the key is refused, not replaced.
 */
function chooseAlg(
  own: unknown,
  bound: unknown,
  options: ToOktaJwkOptions,
  crv: EcCurve | undefined,
): string {
  const kind = crv ? `EC ${crv}` : "RSA";
  if (own !== undefined && !(typeof own === "string" && algFits(own, options.use, crv))) {
    const named = typeof own === "string" ? `"${own}"` : `of type ${typeof own}`;
    throw new TypeError(`key has "alg" ${named}, which does not suit this ${kind} key for "${options.use}"`);
  }
  const fitting = typeof bound === "string" && algFits(bound, options.use, crv) ? bound : undefined;
  const alg = options.alg ?? own ?? fitting ?? naturalAlg(options.use, crv);
  if (!algFits(alg, options.use, crv)) {
    throw new TypeError(`options.alg "${alg}" does not suit this ${kind} key for "${options.use}"`);
  }
  return alg;
}

function checkOptions(options: ToOktaJwkOptions): void {
  if (typeof options !== "object" || options === null)
    throw new TypeError('options must be an object such as { use: "sig" }');
  if (options.use !== "sig" && options.use !== "enc")
    throw new TypeError('options.use must be "sig" or "enc"');
  if (options.alg !== undefined && (typeof options.alg !== "string" || options.alg === "")) {
    throw new TypeError("options.alg must be a non-empty string");
  }
  if (options.kid !== undefined && (typeof options.kid !== "string" || options.kid === "")) {
    throw new TypeError("options.kid must be a non-empty string");
  }
  if (options.status !== undefined && !STATUSES.has(options.status)) {
    throw new TypeError('options.status must be "ACTIVE" or "INACTIVE"');
  }
}
