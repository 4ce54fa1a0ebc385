import { appendFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { appEntries, RESOLVE_DIR } from "../scripts/package/app-entries.js";
import { measureBundle } from "../scripts/package/measure-bundle.js";
import { listPackedFiles } from "../scripts/package/packed-files.js";
import { callTable, runCallBench } from "./lib/call-bench.js";
import { coldImport } from "./lib/cold-import.js";
import { CONTESTANT, clearSdkEnvironment } from "./lib/contestants.js";
import { formatTable, kilobytes, megabytes } from "./lib/format-table.js";
import { installSize } from "./lib/install-size.js";
import { describeMachine } from "./lib/machine.js";
import { peakMemory } from "./lib/peak-memory.js";
import { describeTargets } from "./lib/targets.js";

/**
 * `npm run bench`: per-call times, cold import, bundle size, install size and peak memory, printed as Markdown.
 * `--record` also appends the report to `bench/RESULTS.md`; `--quick` runs 500 calls once, for a smoke test.
 */
const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const ROOT = fileURLToPath(new URL("..", import.meta.url));

async function bundleTable(): Promise<{ table: string; coreGzipBytes: number; coreBudgetBytes: number }> {
  const rows = [];
  let coreGzipBytes = Number.NaN;
  let coreBudgetBytes = Number.NaN;
  for (const entry of appEntries()) {
    const size = await measureBundle(entry.source, RESOLVE_DIR);
    // The core app is the one entry with a budget, the one `npm run check:package` enforces.
    if (entry.budget !== undefined) {
      coreGzipBytes = size.gzipped;
      coreBudgetBytes = entry.budget;
    }
    const jose = size.inputs.some((input) => input.includes("node_modules/jose/")) ? "yes" : "no";
    rows.push([entry.name, kilobytes(size.minified), kilobytes(size.gzipped), jose]);
  }
  const sdk = await measureBundle(
    'export * from "@okta/okta-sdk-nodejs";',
    fileURLToPath(new URL(".", import.meta.url)),
  ).then(
    (size) =>
      `${size.nodeBuiltins.length} Node built-ins needed (${size.nodeBuiltins.slice(0, 4).join(", ")}, …)`,
    (error: Error) => `does not bundle: ${error.message.split("\n")[1]?.trim() ?? error.message}`,
  );
  rows.push([CONTESTANT.sdk, "—", "—", sdk]);
  const table = formatTable(
    ["app bundle (esbuild, browser, minified)", "min", "min+gz", "jose inside"],
    rows,
  );
  return { table, coreGzipBytes, coreBudgetBytes };
}

/** Where a package measured for cold import and install size lives in `bench/node_modules`. */
const benchDependency = (name: string) => fileURLToPath(new URL(`node_modules/${name}`, import.meta.url));

function importAndInstallTable(): { table: string; coldImportMillis: number } {
  const runs = quick ? 3 : 10;
  // openapi-fetch alone, imported the same way, shows how fast this machine loads modules in this run.
  const packages = [
    {
      name: "okta-app-credentials",
      specifier: new URL("../dist/src/index.js", import.meta.url).href,
      install: () => installSize(ROOT, listPackedFiles(ROOT).unpackedSize),
    },
    {
      name: "openapi-fetch 0.17.0",
      specifier: "openapi-fetch",
      install: () => installSize(benchDependency("openapi-fetch")),
    },
    {
      name: CONTESTANT.sdk,
      specifier: "@okta/okta-sdk-nodejs",
      install: () => installSize(benchDependency("@okta/okta-sdk-nodejs")),
    },
  ];
  const costs = packages.map((pkg) => ({ ...coldImport(pkg.name, pkg.specifier, runs), ...pkg.install() }));
  const table = formatTable(
    ["package", "cold import (median)", "RSS after import", "installed (prod deps)", "packages"],
    costs.map((cost) => [
      cost.name,
      `${cost.millis.toFixed(1)} ms`,
      `${cost.rssMegabytes.toFixed(0)} MB`,
      megabytes(cost.bytes),
      String(cost.packages),
    ]),
  );
  return { table, coldImportMillis: costs[0]?.millis ?? Number.NaN };
}

clearSdkEnvironment();
const machine = describeMachine();
process.stderr.write(`okta-app-credentials benchmark: ${machine}\n`);
const calls = quick ? { calls: 500, runs: 1, warmup: 100 } : { calls: 5000, runs: 5, warmup: 500 };
const callResults = await runCallBench(calls);
const memory = await peakMemory();
const imports = importAndInstallTable();
const bundles = await bundleTable();
const report = [
  `### ${machine}`,
  "",
  `Time per call against a loopback \`node:http\` server in its own process (${calls.calls} calls, median of ${calls.runs === 1 ? "1 run" : `${calls.runs} runs`}; ×1 sequential, ×64 concurrent; in brackets the ratio to raw fetch, taken within each run). This client is the built \`dist/\`; every contestant but Okta's SDK is on Node's built-in fetch.`,
  "",
  callTable("client", callResults, CONTESTANT.raw),
  "",
  imports.table,
  "",
  bundles.table,
  "",
  `Peak memory walking 100,000 keys (paginate(), pages of 200): ${megabytes(memory.peak)} peak RSS, ${megabytes(memory.before)} before the walk, ${memory.items} items.`,
  "",
  "Targets:",
  "",
  describeTargets({ calls: callResults, ...imports, ...bundles }),
  "",
].join("\n");
process.stdout.write(`${report}\n`);
if (args.has("--record")) appendFileSync(new URL("RESULTS.md", import.meta.url), `\n${report}`);
