import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { checkEntryGraph, staticGraph } from "../../../scripts/package/check-entry-graph.js";

/** A directory holding `files` (path → source). */
async function tree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "entry-graph-"));
  for (const [path, source] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), source);
  }
  return root;
}

const ERRORS = "var OktaError = class extends Error {};\nexport { OktaError };\n";

describe("staticGraph", () => {
  test("follows static imports and re-exports across folders, not import() or packages", async () => {
    const root = await tree({
      "dist/src/index.js": [
        'import { a } from "./chunks/a.js";',
        'import "./chunks/b.js";',
        'import createClient from "openapi-fetch";',
        'export { c } from "./chunks/c.js";',
        'const lazy = () => import("./chunks/lazy.js");',
      ].join("\n"),
      "dist/src/chunks/a.js": 'import { b } from "./b.js";\nexport const a = b;\n',
      "dist/src/chunks/b.js": "export const b = 1;\n",
      "dist/src/chunks/c.js": "export const c = 1;\n",
    });
    expect(staticGraph(root, "dist/src/index.js").sort()).toEqual([
      "dist/src/chunks/a.js",
      "dist/src/chunks/b.js",
      "dist/src/chunks/c.js",
      "dist/src/index.js",
    ]);
  });
});

describe("checkEntryGraph", () => {
  const entries = (oauth: string) => ({
    "dist/src/index.js": 'export { OktaError } from "./chunks/errors.js";\n',
    "dist/src/oauth.js": oauth,
    "dist/src/transport.js": 'import { OktaError } from "./chunks/errors.js";\n',
    "dist/src/chunks/errors.js": ERRORS,
  });

  test("passes when the entry points a program mixes share one OktaError", async () => {
    const root = await tree(entries('import { OktaError } from "./chunks/errors.js";\n'));
    expect(checkEntryGraph(root).map((result) => result.ok)).toEqual([true, true]);
  });

  test("fails when an entry point carries its own copy of OktaError", async () => {
    const root = await tree(entries(ERRORS));
    expect(checkEntryGraph(root)[1]).toEqual({
      name: "one OktaError",
      ok: false,
      detail:
        "the main entry, /oauth and /transport load OktaError from dist/src/chunks/errors.js, dist/src/oauth.js",
    });
  });

  test("fails when importing the main entry loads more files than the budget", async () => {
    const chain = Object.fromEntries(
      Array.from({ length: 3 }, (_, i) => [
        `dist/src/chunks/c${i}.js`,
        i < 2 ? `import "./c${i + 1}.js";\n` : "export {};\n",
      ]),
    );
    const root = await tree({ ...entries(""), ...chain, "dist/src/index.js": 'import "./chunks/c0.js";\n' });
    expect(checkEntryGraph(root)[0]).toMatchObject({
      ok: false,
      detail: "importing the main entry loads 4 files of the package (at most 2)",
    });
  });
});
