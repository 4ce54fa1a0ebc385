import type { NewClientSecret } from "./types.js";

// Okta accepts 14 to 100 printable ASCII characters (0x20-0x7E) for a supplied client secret.
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const MIN_LENGTH = 14;
const MAX_LENGTH = 100;
const FIELDS = new Set(["client_secret", "status"]);
const STATUSES = new Set(["ACTIVE", "INACTIVE"]);

/**
 * Checks the optional body of `secrets.create` before it is sent. Messages describe the secret (its length,
 * the rule it breaks), never its value.
 * @throws {TypeError} naming the offending field.
 */
export function checkNewSecret(newSecret: unknown): NewClientSecret | undefined {
  if (newSecret === undefined) return undefined;
  if (typeof newSecret !== "object" || newSecret === null || Array.isArray(newSecret)) {
    throw new TypeError("newSecret must be an object such as { client_secret, status }");
  }
  const fields = newSecret as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((name) => !FIELDS.has(name));
  if (unknown.length > 0) {
    throw new TypeError(
      `newSecret has unknown field(s) ${unknown.join(", ")}; allowed: client_secret, status`,
    );
  }
  checkSecretValue(fields.client_secret);
  if (fields.status !== undefined && (typeof fields.status !== "string" || !STATUSES.has(fields.status))) {
    throw new TypeError('newSecret.status must be "ACTIVE" or "INACTIVE"');
  }
  return newSecret as NewClientSecret;
}

function checkSecretValue(secret: unknown): void {
  if (secret === undefined) return;
  if (typeof secret !== "string") {
    throw new TypeError("newSecret.client_secret must be a string (omit it to have Okta generate one)");
  }
  if (secret.length < MIN_LENGTH || secret.length > MAX_LENGTH) {
    throw new TypeError(
      `newSecret.client_secret must be ${MIN_LENGTH} to ${MAX_LENGTH} characters long; it has ${secret.length}`,
    );
  }
  if (!PRINTABLE_ASCII.test(secret)) {
    throw new TypeError(
      "newSecret.client_secret must contain only printable ASCII characters (0x20 to 0x7E)",
    );
  }
}
