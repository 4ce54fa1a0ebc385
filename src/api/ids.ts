// Characters that would change the meaning of a URL path, or that no Okta id contains.
const FORBIDDEN = /[/?#%\s\p{Cc}]/u;

/** The names of the ids the twelve operations take in their paths. */
export type IdName = "appId" | "keyId" | "secretId";

/**
 * Checks one path id before any request is made and returns it.
 * The value is not echoed: a secret pasted where an id belongs must not end up in a log.
 * @throws {TypeError} naming the argument.
 */
export function checkId(name: IdName, value: unknown): string {
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${name} must be a non-empty string`);
  }
  if (FORBIDDEN.test(value)) {
    throw new TypeError(`${name} must not contain "/", "?", "#", "%", whitespace or control characters`);
  }
  return value;
}
