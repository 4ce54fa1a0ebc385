import { OktaError } from "../errors.js";
import type { Jwk } from "./types.js";

/**
 * Returns the keys of a `listJwk` body. The live API answers with an array, but Okta's published example and
 * one of its SDK specs use `{ keys: [...] }` or `{ jwks: { keys: [...] } }`; all three are accepted.
 * @see listJwk
 */
export function toJwkList(body: unknown): Jwk[] {
  if (Array.isArray(body)) return body as Jwk[];
  const keys = keysOf(body) ?? keysOf(fieldOf(body, "jwks"));
  if (keys) return keys;
  throw new OktaError("Okta answered the key list with a body that holds no array of keys");
}

function keysOf(value: unknown): Jwk[] | undefined {
  const keys = fieldOf(value, "keys");
  return Array.isArray(keys) ? (keys as Jwk[]) : undefined;
}

function fieldOf(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}
