import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import {
  checkImportSideEffects,
  fetchGlobalsTouchedBy,
} from "../../../scripts/package/check-import-side-effects.js";

async function moduleWith(source: string): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), "import-side-effects-"));
  await writeFile(join(dir, "entry.mjs"), source);
  return { dir, file: "entry.mjs" };
}

describe("fetchGlobalsTouchedBy", () => {
  test("sees a module that subclasses Request when it is imported", async () => {
    const { dir, file } = await moduleWith("export class Mine extends Request {}\nexport const f = fetch;\n");
    expect(fetchGlobalsTouchedBy(pathToFileURL(join(dir, file)).href)).toEqual(["Request", "fetch"]);
  });

  test("sees nothing when a module only uses fetch's globals inside functions", async () => {
    const { dir, file } = await moduleWith(
      "export function make() { return new Request('https://x.test'); }\n",
    );
    expect(fetchGlobalsTouchedBy(pathToFileURL(join(dir, file)).href)).toEqual([]);
  });
});

describe("checkImportSideEffects", () => {
  test("fails naming the entry and the globals it touched", async () => {
    const { dir, file } = await moduleWith("new Headers();\n");
    expect(checkImportSideEffects(dir, [file])).toEqual({
      name: "import side effects",
      ok: false,
      detail: "entry.mjs touches Headers",
    });
  });
});
