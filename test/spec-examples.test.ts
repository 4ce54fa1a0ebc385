import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";

// The curated spec's examples are what mocks serve: they must look like a live org's answers.
const spec = parse(readFileSync(new URL("../spec/okta-app-credentials.yaml", import.meta.url), "utf8"));
const examples: Record<string, { value: unknown }> = spec.components.examples;

/** Every object inside `value`, arrays included. */
function objects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (typeof value !== "object" || value === null) return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(objects)];
}

describe("the curated spec's examples", () => {
  const all = Object.values(examples).flatMap((example) => objects(example.value));

  test("show generated secrets of 64 characters of [A-Za-z0-9_-] with their 22-character hashes", () => {
    const responses = all.filter((item) => typeof item.secret_hash === "string");
    const generated = responses.filter((item) => !String(item.client_secret).startsWith("Rotate-"));
    expect(generated.length).toBeGreaterThanOrEqual(3);
    for (const secret of generated) expect(secret.client_secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    for (const secret of responses) expect(secret.secret_hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  test("show created and lastUpdated in whole seconds", () => {
    const stamps = all.flatMap((item) => [item.created, item.lastUpdated]).filter((v) => v !== undefined);
    expect(stamps.length).toBeGreaterThan(10);
    for (const stamp of stamps) expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  });

  test("declare the live org's headers as required, with a 32-hex request id", () => {
    const headers = spec.components.headers;
    expect(headers["X-Okta-Request-Id"].example).toMatch(/^[0-9a-f]{32}$/);
    for (const name of [
      "X-Okta-Request-Id",
      "X-Rate-Limit-Limit",
      "X-Rate-Limit-Remaining",
      "X-Rate-Limit-Reset",
    ]) {
      expect(headers[name].required).toBe(true);
    }
  });
});
