import type { NewJwk } from "./types.js";

/** JWK members that only private or symmetric keys have (RFC 7518 section 6); none may leave this process. */
export const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"] as const;

const USES = new Set(["sig", "enc"]);
const KEY_TYPES = new Set(["RSA", "EC"]);

/**
 * Checks the body of `jwks.add` before it is sent: a public RSA or EC key with a `use`, and above all no private
 * member. Messages name the members, never their values.
 * @throws {TypeError} naming `newJwk` and what is wrong.
 */
export function checkNewJwk(newJwk: unknown): NewJwk {
  if (typeof newJwk !== "object" || newJwk === null || Array.isArray(newJwk)) {
    throw new TypeError("newJwk must be a public JSON Web Key object");
  }
  const members = newJwk as Record<string, unknown>;
  const leaked = PRIVATE_JWK_MEMBERS.filter((name) => name in members);
  if (leaked.length > 0) {
    throw new TypeError(
      `newJwk contains private key material (${leaked.join(", ")}); send only the public key, for example with toOktaJwk()`,
    );
  }
  if (typeof members.use !== "string" || !USES.has(members.use)) {
    throw new TypeError('newJwk.use must be "sig" or "enc"');
  }
  if (typeof members.kty !== "string" || !KEY_TYPES.has(members.kty)) {
    throw new TypeError('newJwk.kty must be "RSA" or "EC"');
  }
  return newJwk as NewJwk;
}
