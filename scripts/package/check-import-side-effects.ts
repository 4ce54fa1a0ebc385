import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CheckResult } from "./check-result.js";

/** Globals whose first use loads Node's fetch implementation (about 14 ms and 7 MB on Node 20). */
export const FETCH_GLOBALS = ["fetch", "Request", "Response", "Headers", "FormData"] as const;

/**
 * A module that replaces each of {@link FETCH_GLOBALS} with a getter recording its use, imports `entry`, and prints
 * the names used as JSON.
 */
export function probeSource(entry: string): string {
  return `const used = [];
for (const name of ${JSON.stringify(FETCH_GLOBALS)}) {
  const own = Object.getOwnPropertyDescriptor(globalThis, name);
  Object.defineProperty(globalThis, name, { configurable: true, get() { used.push(name); return own.get ? own.get.call(globalThis) : own.value; } });
}
await import(${JSON.stringify(entry)});
process.stdout.write(JSON.stringify(used));`;
}

/** The fetch globals that importing the module at `entry` (a file URL) touches, read in a fresh process. */
export function fetchGlobalsTouchedBy(entry: string): string[] {
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", probeSource(entry)], {
    encoding: "utf8",
  });
  return JSON.parse(output) as string[];
}

/** Importing the package must stay cheap: no entry point may touch fetch's globals until it is used. */
export function checkImportSideEffects(root: string, entries: readonly string[]): CheckResult {
  const found = entries.flatMap((entry) => {
    const used = fetchGlobalsTouchedBy(pathToFileURL(join(root, entry)).href);
    return used.length > 0 ? [`${entry} touches ${[...new Set(used)].join(", ")}`] : [];
  });
  return {
    name: "import side effects",
    ok: found.length === 0,
    detail: found.join("; ") || `importing ${entries.length} entry points touches no fetch global`,
  };
}
