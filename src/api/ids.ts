// Characters that would change the meaning of a URL path, or that no Okta id contains.
const FORBIDDEN = /[/?#%\s\p{Cc}]/u;
// A lone UTF-16 surrogate: no URL can carry it (encodeURIComponent throws on it).
const LONE_SURROGATE = /\p{Cs}/u;

/** The names of the ids the twelve operations take in their paths. */
export type IdName = "appId" | "keyId" | "secretId";

/**
 * Checks one path id before any request is made and returns it: it must reach Okta as exactly one path segment,
 * spelled as given, so `.` and `..` (dot segments a URL would resolve away) are refused with the rest.
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
  if (LONE_SURROGATE.test(value)) {
    throw new TypeError(`${name} must be well-formed Unicode text (it holds a lone surrogate)`);
  }
  // openapi-fetch puts encodeURIComponent(value) in the path: unreserved characters and escapes, of which the URL
  // parser changes only the dot segments.
  if (value === "." || value === "..") {
    throw new TypeError(`${name} must not be "." or "..", which a URL resolves away`);
  }
  return value;
}
