/**
 * The keys of a `listJwk` body. The live API answers with an array, but Okta's published example and one of its
 * SDK specs use `{ keys: [...] }` or `{ jwks: { keys: [...] } }`; all three are unwrapped here. Any other body comes
 * back as it was, for the caller's shape check to refuse.
 * @see listJwk
 */
export function toJwkList(body: unknown): unknown {
  if (Array.isArray(body)) return body;
  return keysOf(body) ?? keysOf(fieldOf(body, "jwks")) ?? body;
}

function keysOf(value: unknown): unknown[] | undefined {
  const keys = fieldOf(value, "keys");
  return Array.isArray(keys) ? keys : undefined;
}

function fieldOf(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}
