import { describe, expect, test } from "vitest";
import { unexpectedPackedFiles } from "../../../scripts/package/packed-files.js";

describe("unexpectedPackedFiles", () => {
  test("allows the build output and the root documents", () => {
    const paths = [
      "dist/src/index.js",
      "dist/src/index.d.ts",
      "dist/spec/okta-app-credentials.yaml",
      "README.md",
      "LICENSE",
      "NOTICE",
      "CHANGELOG.md",
      "package.json",
    ];
    expect(unexpectedPackedFiles(paths)).toEqual([]);
  });

  test("names sources, tests, scripts and stray files", () => {
    const paths = [
      "dist/src/index.js",
      "src/index.ts",
      "test/unit/a.test.ts",
      ".env",
      "docs/README.md",
      "distx/a.js",
    ];
    expect(unexpectedPackedFiles(paths)).toEqual([
      "src/index.ts",
      "test/unit/a.test.ts",
      ".env",
      "docs/README.md",
      "distx/a.js",
    ]);
  });
});
