import type { NewClientSecret, NewJwk } from "../api/types.js";
import { algFits, type EcCurve, isEcCurve } from "../keys/algorithms.js";
import { type FakeRefusal, invalid } from "./fake-refusal.js";

// The members each kind of new key requires besides `use` and `kty` (curated spec, NewJwk).
const KINDS: Record<string, readonly string[]> = {
  "sig RSA": ["e", "n"],
  "sig EC": ["crv", "x", "y"],
  "enc RSA": ["e", "n"],
};
const OPTIONAL = new Set(["alg", "kid", "status"]);
const STATUSES = new Set(["ACTIVE", "INACTIVE"]);
const SECRET_FIELDS = new Set(["client_secret", "status"]);

/**
 * Checks an `addJwk` body as the curated spec does (one of three closed kinds), plus the `alg` fit Okta checks.
 * @throws {FakeRefusal} 400 E0000001 naming the member, never its value.
 */
export function checkJwkBody(body: unknown): NewJwk {
  const members = asObject(body, "JsonWebKey");
  const kind = KINDS[`${String(members.use)} ${String(members.kty)}`];
  if (kind === undefined) throw jwkInvalid("'use' must be 'sig' (RSA or EC key) or 'enc' (RSA key)");
  for (const name of Object.keys(members)) {
    if (name !== "use" && name !== "kty" && !OPTIONAL.has(name) && !kind.includes(name)) {
      throw jwkInvalid(`The key has an unexpected member '${name}'.`);
    }
  }
  for (const name of kind) {
    if (typeof members[name] !== "string" || members[name] === "") throw jwkInvalid(`'${name}' is required.`);
  }
  if (members.crv !== undefined && !isEcCurve(members.crv))
    throw jwkInvalid("'crv' must be P-256, P-384 or P-521.");
  checkOptionalMembers(members);
  return members as unknown as NewJwk;
}

function checkOptionalMembers(members: Record<string, unknown>): void {
  const { kid, status, alg } = members;
  if (kid !== undefined && kid !== null && typeof kid !== "string")
    throw jwkInvalid("'kid' must be a string.");
  if (status !== undefined && !STATUSES.has(status as string))
    throw jwkInvalid("'status' must be ACTIVE or INACTIVE.");
  if (alg === undefined) return;
  const curve = members.crv as EcCurve | undefined;
  if (typeof alg !== "string" || !algFits(alg, members.use as "sig" | "enc", curve)) {
    throw jwkInvalid("'alg' does not suit the key's 'use' and type.");
  }
}

/**
 * Checks a `createOAuth2ClientSecret` body: none, or a closed `{client_secret?, status?}` object. Length and
 * character rules of `client_secret` are lifecycle rules, checked with the app.
 * @throws {FakeRefusal} 400 E0000001 naming the field, never its value.
 */
export function checkSecretBody(body: unknown): NewClientSecret {
  if (body === undefined) return {};
  const fields = asObject(body, "OAuth2ClientSecretMediated");
  for (const name of Object.keys(fields)) {
    if (!SECRET_FIELDS.has(name)) throw secretInvalid(`Unexpected field '${name}'.`);
  }
  if (fields.client_secret !== undefined && typeof fields.client_secret !== "string") {
    throw secretInvalid("'client_secret' must be a string.");
  }
  if (fields.status !== undefined && !STATUSES.has(fields.status as string)) {
    throw secretInvalid("'status' must be ACTIVE or INACTIVE.");
  }
  return fields as NewClientSecret;
}

function asObject(body: unknown, object: string): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalid(object, "The request body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}

function jwkInvalid(cause: string): FakeRefusal {
  return invalid("JsonWebKey", cause);
}

function secretInvalid(cause: string): FakeRefusal {
  return invalid("OAuth2ClientSecretMediated", cause);
}
