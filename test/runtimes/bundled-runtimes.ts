import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Miniflare } from "miniflare";
import { chromium } from "playwright-core";
import type { StepResult } from "./smoke.js";

/** The steps every runtime runs; those with sockets run one more (the fake over HTTP). */
export const IN_PROCESS_STEPS = 7;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** What one runtime reported: its version and each step's outcome, or why it could not run. */
export interface RuntimeResult {
  readonly runtime: string;
  readonly version: string;
  readonly results: readonly StepResult[];
  readonly expected: number;
  readonly skipped?: string;
}

/**
 * Runs the browser bundle in headless Chromium; skipped when the browser is missing, except in CI (`CI` set).
 */
export async function runChromium(out: string): Promise<RuntimeResult> {
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
    const script = await readFile(`${out}browser.js`, "utf8");
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

/** Runs the worker bundle in workerd through Miniflare, without `nodejs_compat`. */
export async function runWorkerd(out: string, bin: string): Promise<RuntimeResult> {
  const mf = new Miniflare({
    modules: true,
    scriptPath: `${out}worker.mjs`,
    compatibilityDate: "2026-07-01",
  });
  try {
    const response = await mf.dispatchFetch("http://smoke.test/");
    const results = (await response.json()) as StepResult[];
    const { version } = JSON.parse(await readFile(`${bin}workerd/package.json`, "utf8")) as {
      version: string;
    };
    return { runtime: "workerd (Miniflare 4)", version, results, expected: IN_PROCESS_STEPS };
  } finally {
    await mf.dispose();
  }
}
