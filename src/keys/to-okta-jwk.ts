import type { CredentialStatus, NewJwk } from "../api/types.js";
import { algFits, type EcCurve, isEcCurve, naturalAlg } from "./algorithms.js";
import type { KeyInput } from "./key-input-to-jwk.js";
import { rsaModulusBits } from "./rsa-modulus-bits.js";

export type { KeyInput } from "./key-input-to-jwk.js";

/** Options of {@link toOktaJwk}. */
export interface ToOktaJwkOptions {
  /** `sig` for a key that signs client assertions or request objects, `enc` for an ID token encryption key. */
  readonly use: "sig" | "enc";
  /**
   * The JWA algorithm; it must suit the key (RS256/384/512 or RSA-OAEP* for RSA, ES256/384/512 by curve).
   * @default the key's own `alg` when it is a JWK that has one, else RS256, RSA-OAEP-256 or ES256/ES384/ES512
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

const MIN_RSA_BITS = 2048;
const STATUSES = new Set(["ACTIVE", "INACTIVE"]);

/**
 * Turns a key into the body of `jwks.add`: only the public members (`kty`, `n`, `e` or `crv`, `x`, `y`), with
 * `use`, `alg` and `kid` filled in. Private keys are accepted and only their public half is kept.
 * @throws {TypeError} naming the argument; messages never quote key material.
 * @see RFC 7517, RFC 7638
 */
export async function toOktaJwk(key: KeyInput, options: ToOktaJwkOptions): Promise<NewJwk> {
  checkOptions(options);
  const [{ keyInputToJwk }, { calculateJwkThumbprint }] = await Promise.all([
    import("./key-input-to-jwk.js"),
    import("./jose-keys.js"),
  ]);
  const source = await keyInputToJwk(key);
  const publicMembers = toPublicMembers(source, options.use);
  if (source.use !== undefined && source.use !== options.use) {
    throw new TypeError(`key has "use": "${String(source.use)}" but options.use is "${options.use}"`);
  }
  const crv = publicMembers.kty === "EC" ? publicMembers.crv : undefined;
  const ownAlg =
    typeof source.alg === "string" && algFits(source.alg, options.use, crv) ? source.alg : undefined;
  const alg = options.alg ?? ownAlg ?? naturalAlg(options.use, crv);
  if (!algFits(alg, options.use, crv)) {
    const kind = crv ? `EC ${crv}` : "RSA";
    throw new TypeError(`options.alg "${alg}" does not suit this ${kind} key for "${options.use}"`);
  }
  const ownKid = typeof source.kid === "string" && source.kid !== "" ? source.kid : undefined;
  const kid = options.kid ?? ownKid ?? (await calculateJwkThumbprint(publicMembers, "sha256"));
  const status = options.status === undefined ? {} : { status: options.status };
  return { use: options.use, alg, kid, ...status, ...publicMembers } as NewJwk;
}

type PublicMembers = { kty: "RSA"; e: string; n: string } | { kty: "EC"; crv: EcCurve; x: string; y: string };

/** Copies only the members of the RFC 7638 public set, after checking what Okta requires of them. */
function toPublicMembers(jwk: Record<string, unknown>, use: "sig" | "enc"): PublicMembers {
  const { kty, n, e, crv, x, y } = jwk;
  if (kty === "RSA" && typeof n === "string" && typeof e === "string") {
    const bits = rsaModulusBits(n);
    if (bits < MIN_RSA_BITS) {
      throw new TypeError(`key is an RSA key of ${bits} bits; Okta requires at least ${MIN_RSA_BITS}`);
    }
    return { kty, e, n };
  }
  if (kty === "EC" && typeof x === "string" && typeof y === "string") {
    if (!isEcCurve(crv))
      throw new TypeError("key is an EC key on a curve Okta does not accept (only P-256, P-384, P-521)");
    if (use === "enc") throw new TypeError('key is an EC key; Okta accepts only RSA keys for "enc"');
    return { kty, crv, x, y };
  }
  throw new TypeError(
    `key must be an RSA or EC key with its public members; got kty ${JSON.stringify(kty ?? null)}`,
  );
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
