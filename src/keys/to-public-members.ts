import { type EcCurve, isEcCurve } from "./algorithms.js";
import { decodeBase64Url, rsaModulusBits } from "./rsa-modulus-bits.js";

/** The members of a key's RFC 7638 public set: all of a key that goes to Okta. */
export type PublicMembers =
  | { kty: "RSA"; e: string; n: string }
  | { kty: "EC"; crv: EcCurve; x: string; y: string };

const MIN_RSA_BITS = 2048;

/**
 * Copies only a key's public members, after checking what Okta requires of them: RSA `n` and `e`, with a modulus of
 * at least 2048 bits, or EC `x` and `y` on P-256, P-384 or P-521, and only for "sig"; each member unpadded base64url.
 * @throws {TypeError} naming `key` and the member; messages never quote key material.
 */
export function toPublicMembers(jwk: Record<string, unknown>, use: "sig" | "enc"): PublicMembers {
  const { kty, n, e, crv, x, y } = jwk;
  if (kty === "RSA" && typeof n === "string" && typeof e === "string") {
    checkBase64Url({ n, e });
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
    checkBase64Url({ x, y });
    return { kty, crv, x, y };
  }
  throw new TypeError(
    `key must be an RSA or EC key with its public members; got kty ${JSON.stringify(kty ?? null)}`,
  );
}

function checkBase64Url(members: Record<string, string>): void {
  for (const [name, value] of Object.entries(members)) {
    if (!decodeBase64Url(value)?.length)
      throw new TypeError(`key.${name} must be non-empty unpadded base64url`);
  }
}
