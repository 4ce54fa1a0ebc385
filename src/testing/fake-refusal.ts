import type { OktaErrorResponse } from "../api/types.js";

// The object each rule's errorSummary names: `Api validation failed: <object>`.
const JWK = "JsonWebKey";
const SECRET = "OAuth2ClientSecretMediated";
const CLIENT_SECRET = "client_secret";

/** Okta's `errorSummary` and first `errorCauses` entry for each rule the fake enforces (texts of the curated spec). */
export const RULES = {
  jwkDuplicateKid: [JWK, "All keys in the 'jwks' must have a unique `kid`."],
  jwkExistingKeyWithoutKid: [
    JWK,
    "Each key should have a unique kid when adding multiple keys. Use the Apps API to update the JWKS to add a kid for the existing key, or delete the existing key and re-add the key with a kid using the JWKS APIs.",
  ],
  jwkTooManyKeys: [
    JWK,
    "You can't create a new key. You have reached the maximum number of keys allowed (50). To add another key, you must first delete an existing one.",
  ],
  jwkRsaKeyTooShort: [JWK, "RSA key length in the 'jwks' is less than '2,048' bits for the given key."],
  onlyOneActiveEncryptionKey: [JWK, "The client can have only one active encryption key in the 'jwks'."],
  deleteActiveJwk: [JWK, "You can't delete an active JSON Web Key. Deactivate the key before deleting it."],
  deactivateOnlyKeyWithPrivateKeyJwt: [
    JWK,
    "Can't deactivate the only active JSON Web Key when the value for `token_endpoint_auth_method` is `private_key_jwt`.",
  ],
  deactivateActiveEncryptionKey: [JWK, "You can't deactivate the active encryption key."],
  maxNumberOfSecrets: [SECRET, "You've reached the maximum number of client secrets per client."],
  clientSecretTooShort: [
    CLIENT_SECRET,
    "client_secret: 'client_secret' must be at least '14' characters long.",
  ],
  clientSecretTooLong: [
    CLIENT_SECRET,
    "client_secret: 'client_secret' can't be more than '100' characters long.",
  ],
  clientSecretNonAscii: [
    CLIENT_SECRET,
    "client_secret: ''client_secret'' must only contain printable ASCII: [x20-x7E]+",
  ],
  clientSecretTooShortForClientSecretJwt: [
    CLIENT_SECRET,
    "client_secret: 'client_secret' must be at least '32' characters long when 'token_endpoint_auth_method' is 'client_secret_jwt'.",
  ],
  clientSecretWithPrivateKeyJwt: [
    CLIENT_SECRET,
    "'client_secret' can't be used when 'token_endpoint_auth_method' is 'private_key_jwt'.",
  ],
  deleteActiveClientSecret: [
    SECRET,
    "You can't delete an active client secret. Deactivate the secret before deleting it.",
  ],
  deactivateOnlyClientSecret: [SECRET, "You can't deactivate the only active client secret."],
} as const satisfies Record<string, readonly [string, string]>;

/** The name of a lifecycle rule the fake enforces. */
export type RuleName = keyof typeof RULES;

/** Okta's error code and summary for each status the fake answers with besides 400. */
const FAILURES = {
  401: ["E0000011", "Invalid token provided"],
  404: ["E0000007", "Not found: Resource not found"],
  429: ["E0000047", "API call exceeded rate limit due to too many requests."],
} as const;

/** An Okta error body without its `errorId` and `errorLink`, which are added per response. */
type RefusalBody = Omit<OktaErrorResponse, "errorId" | "errorLink">;

/** Thrown inside the fake to answer with an Okta error; never leaves the fake. */
export class FakeRefusal extends Error {
  override name = "FakeRefusal";
  readonly status: number;
  readonly body: RefusalBody;

  constructor(status: number, body: RefusalBody) {
    super(`${status} ${body.errorCode} ${body.errorSummary}`);
    this.status = status;
    this.body = body;
  }
}

/** A 400 E0000001 for a broken lifecycle rule. */
export function breaks(rule: RuleName): FakeRefusal {
  const [object, cause] = RULES[rule];
  return invalid(object, cause);
}

/** A 400 E0000001 `Api validation failed: <object>` with one cause. */
export function invalid(object: string, cause: string): FakeRefusal {
  return new FakeRefusal(400, {
    errorCode: "E0000001",
    errorSummary: `Api validation failed: ${object}`,
    errorCauses: [{ errorSummary: cause }],
  });
}

/** A 404 E0000007 naming the missing object as Okta does: `<id> (<type>)`. */
export function notFound(
  id: string,
  type: "AppInstance" | "JsonWebKey" | "OAuth2ClientSecretMediated" | "Endpoint",
): FakeRefusal {
  return failure(404, `${FAILURES[404][1]}: ${id} (${type})`);
}

/**
 * A 413 for a request body over `limit` bytes, in Okta's error shape (Okta documents no code for it, so the
 * validation code E0000001 names it).
 */
export function tooLarge(limit: number): FakeRefusal {
  return new FakeRefusal(413, {
    errorCode: "E0000001",
    errorSummary: "Api validation failed: request body",
    errorCauses: [{ errorSummary: `The request body is larger than ${limit} bytes.` }],
  });
}

/** A 401 E0000011 or 429 E0000047 with Okta's summary. */
export function failure(status: 401 | 404 | 429, summary: string = FAILURES[status][1]): FakeRefusal {
  return new FakeRefusal(status, { errorCode: FAILURES[status][0], errorSummary: summary, errorCauses: [] });
}
