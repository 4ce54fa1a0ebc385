/**
 * `npm run test:runtimes`: packs the built package, installs the tarball here, and runs the one smoke suite on
 * Node 20 (this process's), Node 22 and 24, Bun, Deno, headless Chromium and workerd (through Miniflare). Prints
 * one line per runtime and exits 1 when any step fails anywhere, or a runtime ran fewer steps than it should.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { chromium } from "playwright-core";
import type { StepResult } from "./smoke.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT = `${HERE}.out/`;
const BIN = `${HERE}node_modules/`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const IN_PROCESS_STEPS = 7;

/** What one runtime reported: its version and each step's outcome, or why it could not run. */
interface RuntimeResult {
  readonly runtime: string;
  readonly version: string;
  readonly results: readonly StepResult[];
  readonly expected: number;
  readonly skipped?: string;
}

/** Packs the built package and unpacks the tarball as this folder's `okta-app-credentials`, as npm would. */
async function installPackedPackage(): Promise<string> {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", OUT], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
  const target = `${BIN}okta-app-credentials`;
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  execFileSync("tar", ["-xzf", `${OUT}${filename}`, "-C", target, "--strip-components=1"]);
  return filename;
}

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

async function runChromium(): Promise<RuntimeResult> {
  const expected = IN_PROCESS_STEPS;
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error(`${CHROMIUM} is missing (CI installs it: apt-get install chromium)`);
    return {
      runtime: "Chromium",
      version: "-",
      results: [],
      expected,
      skipped: `${CHROMIUM} not found: apt-get install chromium (in CI this fails)`,
    };
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const page = await browser.newPage();
    const script = await readFile(`${OUT}browser.js`, "utf8");
    // An https origin makes the page a secure context (WebCrypto); the route answers it, nothing leaves the machine.
    await page.route("https://smoke.test/**", (route) =>
      route.fulfill({ contentType: "text/html", body: '<script type="module" src="/smoke.js"></script>' }),
    );
    await page.route("https://smoke.test/smoke.js", (route) =>
      route.fulfill({ contentType: "text/javascript", body: script }),
    );
    await page.goto("https://smoke.test/");
    await page.waitForFunction(() => "smokeResults" in globalThis, undefined, { timeout: 30_000 });
    const results = await page.evaluate(
      () => (globalThis as { smokeResults?: Promise<StepResult[]> }).smokeResults,
    );
    return { runtime: "Chromium (headless)", version: browser.version(), results: results ?? [], expected };
  } finally {
    await browser.close();
  }
}

async function runWorkerd(): Promise<RuntimeResult> {
  const mf = new Miniflare({
    modules: true,
    scriptPath: `${OUT}worker.mjs`,
    compatibilityDate: "2026-07-01",
  });
  try {
    const response = await mf.dispatchFetch("http://smoke.test/");
    const results = (await response.json()) as StepResult[];
    const { version } = JSON.parse(await readFile(`${BIN}workerd/package.json`, "utf8")) as {
      version: string;
    };
    return { runtime: "workerd (Miniflare 4)", version, results, expected: IN_PROCESS_STEPS };
  } finally {
    await mf.dispose();
  }
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
  Chromium: runChromium,
  workerd: runWorkerd,
};

const only = process.argv.slice(2);
console.log(`packed ${await installPackedPackage()}`);
// The suite itself type-checks against the installed tarball before it runs anywhere.
execFileSync(
  process.execPath,
  [createRequire(ROOT).resolve("typescript/bin/tsc"), "-p", `${HERE}tsconfig.json`],
  {
    stdio: "inherit",
  },
);
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
