import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { appEntries, RESOLVE_DIR } from "./package/app-entries.js";
import { checkBundles } from "./package/check-bundles.js";
import { checkEntryGraph } from "./package/check-entry-graph.js";
import { checkImportSideEffects } from "./package/check-import-side-effects.js";
import { checkPackedFiles } from "./package/check-packed-files.js";
import { checkPublint } from "./package/check-publint.js";
import type { CheckResult } from "./package/check-result.js";
import { checkTypesResolve } from "./package/check-types-resolve.js";

/**
 * `npm run check:package`: the deterministic package checks CI runs after `npm run build` (bundle budgets, no
 * Node built-ins in the browser bundle, publint, arethetypeswrong, packed files, import side effects, the files the main entry loads). Exits 1 when any fails.
 */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ENTRY_POINTS = [
  "dist/src/index.js",
  "dist/src/oauth.js",
  "dist/src/testing/index.js",
  "dist/src/testing/node.js",
  "dist/src/transport.js",
  "dist/src/verify/index.js",
];

if (!existsSync(new URL("../dist/src/index.js", import.meta.url))) {
  process.stderr.write("dist/ is missing: run `npm run build` first\n");
  process.exit(1);
}

const results: CheckResult[] = [
  ...(await checkBundles(appEntries(), RESOLVE_DIR)),
  checkPackedFiles(ROOT),
  await checkPublint(ROOT),
  checkTypesResolve(ROOT),
  checkImportSideEffects(ROOT, ENTRY_POINTS),
  ...checkEntryGraph(ROOT),
];
for (const result of results) {
  process.stdout.write(`${result.ok ? "ok  " : "FAIL"} ${result.name}: ${result.detail}\n`);
}
process.exitCode = results.every((result) => result.ok) ? 0 : 1;
