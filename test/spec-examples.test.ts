import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";

// The curated spec's examples are what mocks serve: they must look like a live org's answers.
const spec = parse(readFileSync(new URL("../spec/okta-app-credentials.yaml", import.meta.url), "utf8"));
const examples: Record<string, { value: unknown }> = spec.components.examples;

type Node = Record<string, unknown>;

/** `node` with its `$ref`s followed inside the spec. */
function resolve(node: unknown): Node {
  let current = node as Node;
  while (typeof current.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce<Node>((at, key) => at[key] as Node, spec);
  }
  return current;
}

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

  test("give a 32-hex request id", () => {
    expect(spec.components.headers["X-Okta-Request-Id"].example).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("the curated spec's rate-limit and request-id headers", () => {
  // Recorded live on 200, 201, 204 and 400 answers only (OKTA-FACTS.md); nothing shows them on the others.
  const RECORDED = new Set(["200", "201", "204", "400"]);
  const NAMES = ["X-Okta-Request-Id", "X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset"];

  test("are required on the statuses a live org was seen sending them with, optional on the rest", () => {
    const found: string[] = [];
    for (const item of Object.values(spec.paths) as Record<string, Node>[]) {
      for (const operation of Object.values(item).filter((op) => op.responses)) {
        for (const [status, response] of Object.entries(operation.responses as Record<string, Node>)) {
          const headers = resolve(response).headers as Record<string, Node>;
          for (const name of NAMES) {
            const required = resolve(headers[name]).required === true;
            if (required !== RECORDED.has(status)) found.push(`${operation.operationId} ${status} ${name}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });
});
