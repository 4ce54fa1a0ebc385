import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { bundleProblems } from "../../../scripts/package/check-bundles.js";
import { isNodeBuiltin, measureBundle } from "../../../scripts/package/measure-bundle.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));

describe("isNodeBuiltin", () => {
  test("recognises built-ins with and without the node: prefix, and their subpaths", () => {
    expect(["node:http", "http", "fs/promises", "node:test"].map(isNodeBuiltin)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  test("leaves packages and relative paths alone", () => {
    expect(["openapi-fetch", "jose", "./http.js", "httpx"].map(isNodeBuiltin)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("measureBundle", () => {
  test("reports the Node built-ins a browser bundle would need instead of failing on them", async () => {
    const size = await measureBundle(
      'import { request } from "node:http"; import { gzipSync } from "zlib"; export const f = [request, gzipSync];',
      HERE,
    );
    expect(size.nodeBuiltins).toEqual(["node:http", "zlib"]);
  });

  test("minifies, tree-shakes unused code and gzips what is left", async () => {
    const filler = "x".repeat(4000);
    const size = await measureBundle(
      `const unused = ${JSON.stringify(filler)}; export const used = ${JSON.stringify(filler)};`,
      HERE,
    );
    expect(size.minified).toBeGreaterThan(4000);
    expect(size.minified).toBeLessThan(4100);
    expect(size.gzipped).toBeLessThan(200);
    expect(size.nodeBuiltins).toEqual([]);
    expect(size.lazyMinified).toBe(0);
  });

  test("counts a chunk loaded with import() apart from the first load", async () => {
    const filler = "y".repeat(3000);
    const dir = await mkdtemp(join(tmpdir(), "bundle-"));
    await writeFile(join(dir, "later.js"), `export const later = ${JSON.stringify(filler)};`);
    const size = await measureBundle('export const load = () => import("./later.js");', dir);
    expect(size.minified).toBeLessThan(500);
    expect(size.lazyMinified).toBeGreaterThan(3000);
    expect(size.lazyInputs).toEqual([expect.stringMatching(/later\.js$/)]);
  });
});

describe("bundleProblems", () => {
  const size = {
    minified: 20_000,
    gzipped: 9000,
    inputs: [],
    nodeBuiltins: [],
    lazyMinified: 0,
    lazyGzipped: 0,
    lazyInputs: [],
  };

  test("flags a bundle over its min+gz budget", () => {
    expect(bundleProblems({ name: "core", source: "", budget: 8192 }, size)).toEqual([
      "first load of 9000 B min+gz is over the budget of 8192 B",
    ]);
  });

  test("accepts a bundle within its budget, and any size when there is no budget", () => {
    expect(bundleProblems({ name: "core", source: "", budget: 9000 }, size)).toEqual([]);
    expect(bundleProblems({ name: "oauth", source: "" }, size)).toEqual([]);
  });

  test("flags Node built-ins in a browser bundle", () => {
    expect(bundleProblems({ name: "core", source: "" }, { ...size, nodeBuiltins: ["node:http"] })).toEqual([
      "imports Node built-ins in a browser bundle: node:http",
    ]);
  });
});
