// Members whose values are secrets or key material: never printed, only measured.
const HIDDEN = new Set(["client_secret", "n", "e", "x", "y", "d", "p", "q", "dp", "dq", "qi", "k", "oth"]);

/** A response body with every secret and key member replaced by `[redacted, N characters]`. */
export function redactBody(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(redactBody);
  if (typeof body !== "object" || body === null) return body;
  return Object.fromEntries(
    Object.entries(body).map(([name, value]) => [
      name,
      HIDDEN.has(name) && value !== null && value !== undefined ? redacted(value) : redactBody(value),
    ]),
  );
}

/** Every secret or key value inside `body`, to scrub from any text that might quote one. */
export function hiddenValues(body: unknown): string[] {
  if (Array.isArray(body)) return body.flatMap(hiddenValues);
  if (typeof body !== "object" || body === null) return [];
  return Object.entries(body).flatMap(([name, value]) =>
    HIDDEN.has(name) && typeof value === "string" && value.length >= 4 ? [value] : hiddenValues(value),
  );
}

function redacted(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `[redacted, ${text.length} characters]`;
}
