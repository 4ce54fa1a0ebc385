/**
 * `npm run test:runtimes`: packs the built package, installs the tarball here, and runs the one smoke suite on
 * Node 20 (this process's), Node 22 and 24, Bun, Deno, headless Chromium and workerd (through Miniflare). Prints
 * one line per runtime and exits 1 when any step fails anywhere, or a runtime ran fewer steps than it should.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { installPackedPackage } from "../helpers/install-packed-package.js";
import { IN_PROCESS_STEPS, type RuntimeResult, runChromium, runWorkerd } from "./bundled-runtimes.js";
import type { StepResult } from "./smoke.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT = `${HERE}.out/`;
const BIN = `${HERE}node_modules/`;

/** The suite for runtimes that resolve packages themselves, and the bundles for a page and a worker. */
async function compile(): Promise<void> {
  const common = { bundle: true, format: "esm", logLevel: "warning", target: "es2022" } as const;
  await build({
    ...common,
    entryPoints: [`${HERE}node-entry.ts`],
    outfile: `${OUT}smoke.mjs`,
    packages: "external",
  });
  await build({
    ...common,
    entryPoints: [`${HERE}browser-entry.ts`],
    outfile: `${OUT}browser.js`,
    platform: "browser",
  });
  await build({
    ...common,
    entryPoints: [`${HERE}worker-entry.ts`],
    outfile: `${OUT}worker.mjs`,
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
  });
}

function parseResults(stdout: string): StepResult[] {
  const line = stdout.split("\n").find((text) => text.startsWith("SMOKE_RESULTS "));
  if (!line) throw new Error(`no results in the output:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice("SMOKE_RESULTS ".length)) as StepResult[];
}

/** Runs the suite as a script: `command` with `args`, then the script's path. */
function runScript(runtime: string, command: string, args: readonly string[] = []) {
  return async (): Promise<RuntimeResult> => {
    const version =
      /\d+\.\d+\.\d+/.exec(execFileSync(command, ["--version"], { encoding: "utf8" }))?.[0] ?? "?";
    const stdout = execFileSync(command, [...args, `${OUT}smoke.mjs`], {
      cwd: HERE,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { runtime, version, results: parseResults(stdout), expected: IN_PROCESS_STEPS + 1 };
  };
}

const RUNTIMES: Record<string, () => Promise<RuntimeResult>> = {
  "Node 20": runScript("Node", process.execPath),
  "Node 22": runScript("Node", `${BIN}node-22/bin/node`),
  "Node 24": runScript("Node", `${BIN}node-24/bin/node`),
  Bun: runScript("Bun", `${BIN}.bin/bun`, ["run"]),
  // A folder of its own and a manual node_modules: Deno reads the installed tarball and rewrites nothing.
  Deno: runScript("Deno", `${BIN}.bin/deno`, [
    "run",
    "--node-modules-dir=manual",
    "--allow-net=127.0.0.1",
    "--allow-read=.",
    "--allow-env",
  ]),
  Chromium: () => runChromium(OUT),
  workerd: () => runWorkerd(OUT, BIN),
};

const only = process.argv.slice(2);
console.log(`packed ${await installPackedPackage(OUT, BIN)}`);
// The suite itself type-checks against the installed tarball before it runs anywhere.
const tsc = createRequire(ROOT).resolve("typescript/bin/tsc");
try {
  execFileSync(process.execPath, [tsc, "-p", `${HERE}tsconfig.json`], { stdio: "inherit" });
} catch {
  console.log("FAIL the smoke suite does not type-check against the packed package");
  process.exit(1);
}
await compile();
let failed = false;
for (const [name, run] of Object.entries(RUNTIMES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const started = performance.now();
  let outcome: RuntimeResult;
  try {
    outcome = await run();
  } catch (error) {
    failed = true;
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
    continue;
  }
  const passed = outcome.results.filter((result) => result.ok).length;
  const ok =
    outcome.skipped !== undefined || (passed === outcome.results.length && passed === outcome.expected);
  failed ||= !ok;
  const time = `${Math.round(performance.now() - started)} ms`;
  const verdict = outcome.skipped ? `SKIP (${outcome.skipped})` : `${passed}/${outcome.expected} steps`;
  console.log(`${ok ? "ok  " : "FAIL"} ${name.padEnd(9)} ${outcome.version.padEnd(22)} ${verdict}, ${time}`);
  for (const result of outcome.results) {
    if (!result.ok || process.env.SMOKE_VERBOSE)
      console.log(`     ${result.ok ? "ok" : "FAIL"} ${result.step}: ${result.detail}`);
  }
}
process.exitCode = failed ? 1 : 0;
