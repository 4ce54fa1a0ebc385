import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { OPERATION_PATHS } from "../../src/api/operations.js";

const spec = parse(
  readFileSync(new URL("../../spec/okta-app-credentials.yaml", import.meta.url), "utf8"),
) as {
  paths: Record<string, unknown>;
};

describe("OPERATION_PATHS", () => {
  test("lists every path of the curated spec, and nothing else", () => {
    expect([...OPERATION_PATHS].sort()).toEqual(Object.keys(spec.paths).sort());
  });
});
