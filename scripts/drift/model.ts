/** Plain JSON value, as YAML and JSON parsers produce it. */
export type Json = null | boolean | number | string | Json[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: Json;
}

/** One operation of the normalised model: names dissolved, structure kept, keys sorted. */
export interface OperationModel {
  /** `METHOD /path/{}/…`: the key that pairs an upstream operation with ours (parameter names blanked). */
  key: string;
  /** Okta's operationId, used to group the report. */
  operationId: string;
  /** Method and path as the document spells them, for display. */
  title: string;
  /** Everything compared: parameters, request body, responses, security. */
  body: JsonObject;
}

/** Which side of the comparison holds a value. */
export type Change = "only-upstream" | "only-ours" | "differs";

/** One difference between the normalised upstream operation and ours. */
export interface Difference {
  /** operationId the difference belongs to. */
  op: string;
  /** Dotted path inside the operation's normalised model, e.g. `responses.200.headers.Link`. */
  at: string;
  change: Change;
  /** Upstream value at `at` (absent for `only-ours`). */
  upstream?: Json;
  /** Our value at `at` (absent for `only-upstream`). */
  ours?: Json;
}

/** True when the value is a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON text with object keys sorted, so equal structures give equal strings. */
export function canonical(value: Json | undefined): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isJsonObject(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
