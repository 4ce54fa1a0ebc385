import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { CheckResult } from "./check-result.js";

/** The most files of its own that importing the main entry may load: each one is a module Node resolves and reads. */
export const MAIN_ENTRY_FILE_BUDGET = 2;

/** Entry points a program uses together: one copy of the error classes must serve them all, or `instanceof` fails. */
const SHARING_ENTRIES = ["dist/src/index.js", "dist/src/oauth.js", "dist/src/transport.js"];

// Static imports of the package's own files in esbuild's output; dynamic `import()` loads on first use and is left out.
const STATIC_IMPORT = /^(?:import|export)\s[^;]*?["'](\.{1,2}\/[^"']+)["']/gm;

// esbuild writes a class declaration as `var OktaError = class extends Error`.
const DEFINES_OKTA_ERROR = /\bOktaError = class\b|\bclass OktaError\b/;

/** The package's own files that importing `entry` loads before any call: `entry` and its static imports, transitively. */
export function staticGraph(root: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(join(root, file), "utf8").matchAll(STATIC_IMPORT)) {
      visit(relative(root, join(root, dirname(file), specifier as string)));
    }
  };
  visit(entry);
  return [...seen];
}

/**
 * The build keeps the main entry a few files (each chunk is one more module to resolve and read on import) and gives
 * the entry points a program mixes one shared copy of the classes they throw.
 */
export function checkEntryGraph(root: string): CheckResult[] {
  const main = staticGraph(root, "dist/src/index.js");
  const files = new Set(SHARING_ENTRIES.flatMap((entry) => staticGraph(root, entry)));
  const defining = [...files].filter((file) =>
    DEFINES_OKTA_ERROR.test(readFileSync(join(root, file), "utf8")),
  );
  return [
    {
      name: "main entry files",
      ok: main.length <= MAIN_ENTRY_FILE_BUDGET,
      detail: `importing the main entry loads ${main.length} files of the package (at most ${MAIN_ENTRY_FILE_BUDGET})`,
    },
    {
      name: "one OktaError",
      ok: defining.length === 1,
      detail: `the main entry, /oauth and /transport load OktaError from ${defining.join(", ") || "no file"}`,
    },
  ];
}
