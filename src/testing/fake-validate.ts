import type { NewClientSecret, NewJwk } from "../api/types.js";
import { algFits, type EcCurve, isEcCurve } from "../keys/algorithms.js";
import { breaks, type FakeRefusal, invalid } from "./fake-refusal.js";

// The members each kind of new key requires besides `use` and `kty` (curated spec, NewJwk).
const KINDS: Record<string, readonly string[]> = {
  "sig RSA": ["e", "n"],
  "sig EC": ["crv", "x", "y"],
  "enc RSA": ["e", "n"],
};
const COMMON = new Set(["use", "kty", "alg", "kid", "status"]);
const STATUSES = new Set(["ACTIVE", "INACTIVE"]);
const SECRET_FIELDS = new Set(["client_secret", "status"]);

/**
 * Checks an `addJwk` body as the curated spec does (one of three closed kinds), plus the `alg` fit Okta checks;
 * an RSA key without a modulus gets Okta's cause for a short key.
 * @throws {FakeRefusal} 400 E0000001 naming the member, never its value.
 */
export function checkJwkBody(body: unknown): NewJwk {
  const refuse = (cause: string): FakeRefusal => invalid("JsonWebKey", cause);
  const members = asObject(body, "JsonWebKey");
  const { use, kty, crv, kid, status, alg } = members;
  const kind = KINDS[`${String(use)} ${String(kty)}`];
  if (kind === undefined) throw refuse("'use' must be 'sig' (RSA or EC key) or 'enc' (RSA key)");
  const unexpected = Object.keys(members).find((name) => !COMMON.has(name) && !kind.includes(name));
  if (unexpected !== undefined) throw refuse(`The key has an unexpected member '${unexpected}'.`);
  // A live org measures an RSA key before anything else of its material: one without `n` is too short.
  if (kty === "RSA" && (typeof members.n !== "string" || members.n === "")) throw breaks("jwkRsaKeyTooShort");
  const missing = kind.find((name) => typeof members[name] !== "string" || members[name] === "");
  if (missing !== undefined) throw refuse(`'${missing}' is required.`);
  if (crv !== undefined && !isEcCurve(crv)) throw refuse("'crv' must be P-256, P-384 or P-521.");
  if (kid !== undefined && kid !== null && typeof kid !== "string") throw refuse("'kid' must be a string.");
  if (status !== undefined && !STATUSES.has(status as string))
    throw refuse("'status' must be ACTIVE or INACTIVE.");
  const fits = typeof alg === "string" && algFits(alg, use as "sig" | "enc", crv as EcCurve | undefined);
  if (alg !== undefined && !fits) throw refuse("'alg' does not suit the key's 'use' and type.");
  return members as unknown as NewJwk;
}

/**
 * Checks a `createOAuth2ClientSecret` body: none, or a closed `{client_secret?, status?}` object. Length and
 * character rules of `client_secret` are lifecycle rules, checked with the app.
 * @throws {FakeRefusal} 400 E0000001 naming the field, never its value.
 */
export function checkSecretBody(body: unknown): NewClientSecret {
  if (body === undefined) return {};
  const refuse = (cause: string): FakeRefusal => invalid("OAuth2ClientSecretMediated", cause);
  const fields = asObject(body, "OAuth2ClientSecretMediated");
  const unexpected = Object.keys(fields).find((name) => !SECRET_FIELDS.has(name));
  if (unexpected !== undefined) throw refuse(`Unexpected field '${unexpected}'.`);
  const { client_secret: secret, status } = fields;
  if (secret !== undefined && typeof secret !== "string") throw refuse("'client_secret' must be a string.");
  if (status !== undefined && !STATUSES.has(status as string))
    throw refuse("'status' must be ACTIVE or INACTIVE.");
  return fields as NewClientSecret;
}

function asObject(body: unknown, object: string): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalid(object, "The request body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}
