import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { findOperation, OPERATIONS } from "../../src/api/operations.js";

interface SpecOperation {
  readonly operationId: string;
  readonly requestBody?: { readonly required?: boolean };
  readonly responses: Record<string, unknown>;
  readonly security?: ReadonlyArray<Record<string, readonly string[]>>;
}

const spec = parse(
  readFileSync(new URL("../../spec/okta-app-credentials.yaml", import.meta.url), "utf8"),
) as {
  paths: Record<string, Record<string, SpecOperation>>;
};

const specOperations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ["get", "post", "delete"].includes(method))
    .map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
);

describe("OPERATIONS", () => {
  test("names every operation of the curated spec once, with its method, path and operationId", () => {
    const fromTable = OPERATIONS.map(({ method, path, operationId }) => `${method} ${path} ${operationId}`);
    const fromSpec = specOperations.map(
      ({ method, path, operation }) => `${method} ${path} ${operation.operationId}`,
    );
    expect(fromTable.sort()).toEqual(fromSpec.sort());
    expect(new Set(OPERATIONS.map((operation) => operation.name)).size).toBe(12);
  });

  test("agrees with the spec on each operation's success status and body", () => {
    for (const { path, method, operation } of specOperations) {
      const entry = OPERATIONS.find((candidate) => candidate.method === method && candidate.path === path);
      const body = operation.requestBody
        ? operation.requestBody.required
          ? "required"
          : "optional"
        : "none";
      expect({ name: entry?.name, success: entry?.success, body: entry?.body }).toEqual({
        name: entry?.name,
        success: Number(Object.keys(operation.responses).find((status) => status.startsWith("2"))),
        body,
      });
    }
  });

  test("only lets reads, deletes and lifecycle changes repeat, never a create", () => {
    const once = OPERATIONS.filter((operation) => !operation.repeatable).map((operation) => operation.name);
    expect(once.sort()).toEqual(["jwks.add", "secrets.create"]);
  });
});

describe("findOperation", () => {
  test("finds an operation by method and encoded path, and nothing for other requests", () => {
    expect(findOperation("post", "/api/v1/apps/0oa1/credentials/jwks/pks%201/lifecycle/activate")?.name).toBe(
      "jwks.activate",
    );
    expect(findOperation("DELETE", "/api/v1/apps/0oa1/credentials/secrets/ocs1/")?.name).toBe(
      "secrets.delete",
    );
    expect(findOperation("PUT", "/api/v1/apps/0oa1/credentials/jwks")).toBeUndefined();
    expect(findOperation("GET", "/api/v1/apps/0oa1/credentials/jwks/a/b")).toBeUndefined();
  });
});
