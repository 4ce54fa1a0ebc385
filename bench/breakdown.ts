import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import createClient from "openapi-fetch";
import type { paths } from "../generated/okta-app-credentials.js";
import { startServer } from "./lib/start-server.js";
import { median, timeCalls } from "./lib/time-calls.js";

/**
 * `npx tsx bench/breakdown.ts [rounds]`: where the time of one sequential `jwks.list` goes, step by step, on Node's
 * built-in fetch and on `createNodeTransport()` (built `dist/`, run `npm run build` first). Every round runs each
 * step in a fresh process of its own (3,500 calls to warm up, then 5,000 timed); medians of the rounds (default 5).
 * Run with `--step <name> <origin>`, it times one step in this process and prints microseconds per call.
 */
type Index = typeof import("../src/index.js");
type Transport = typeof import("../src/node-transport.js");

const APP_ID = "0oabench0000000000x7";
const PATH = "/api/v1/apps/{appId}/credentials/jwks";
const headers = { Authorization: "SSWS 00bench", Accept: "application/json" };
const params = { path: { appId: APP_ID } };
const auth = { type: "apiToken", token: "00bench" } as const;

/**
 * The built-in fetch with the machinery of a per-attempt timeout: an `AbortController` whose signal goes to fetch
 * and a timer. (The timer is cleared when the head arrives; this client's also covers the body, which it reads
 * within the deadline and keeps, so it builds no second Response.)
 */
async function fetchWithTimeout(request: Request): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    return await fetch(request, { signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

const STEPS: Record<string, (origin: string) => Promise<() => Promise<unknown>>> = {
  "fetch(url) + json": async (origin) => {
    const url = `${origin}/api/v1/apps/${APP_ID}/credentials/jwks`;
    return async () => (await fetch(url, { headers })).json();
  },
  "openapi-fetch on built-in fetch": async (origin) => {
    const client = createClient<paths>({ baseUrl: origin, headers });
    return () => client.GET(PATH, { params });
  },
  "openapi-fetch + per-attempt timeout": async (origin) => {
    const client = createClient<paths>({ baseUrl: origin, headers, fetch: fetchWithTimeout });
    return () => client.GET(PATH, { params });
  },
  "this client on built-in fetch": async (origin) => {
    const okta = (await importDist<Index>("index.js")).createOktaClient({ orgUrl: origin, auth });
    return () => okta.jwks.list(APP_ID);
  },
  "openapi-fetch on createNodeTransport()": async (origin) => {
    const fetch = (await importDist<Transport>("node-transport.js")).createNodeTransport();
    const client = createClient<paths>({ baseUrl: origin, headers, fetch });
    return () => client.GET(PATH, { params });
  },
  "this client on createNodeTransport()": async (origin) => {
    const fetch = (await importDist<Transport>("node-transport.js")).createNodeTransport();
    const okta = (await importDist<Index>("index.js")).createOktaClient({ orgUrl: origin, auth, fetch });
    return () => okta.jwks.list(APP_ID);
  },
};

async function importDist<T>(file: string): Promise<T> {
  return (await import(new URL(`../dist/src/${file}`, import.meta.url).href)) as T;
}

async function timeStep(name: string, origin: string): Promise<number> {
  const step = STEPS[name];
  if (!step) throw new Error(`No step is called ${JSON.stringify(name)}`);
  const call = await step(origin);
  await timeCalls(call, 3500, 1);
  return timeCalls(call, 5000, 1);
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 5);
  const server = await startServer();
  const samples = new Map<string, number[]>();
  const self = fileURLToPath(import.meta.url);
  try {
    for (let round = 0; round < rounds; round++) {
      for (const name of Object.keys(STEPS)) {
        const out = execFileSync(process.execPath, ["--import", "tsx", self, "--step", name, server.origin]);
        samples.set(name, [...(samples.get(name) ?? []), Number(out.toString())]);
      }
    }
  } finally {
    await server.stop();
  }
  for (const [name, values] of samples) {
    process.stdout.write(`${name.padEnd(42)} ${median(values).toFixed(0)} µs\n`);
  }
}

if (process.argv[2] === "--step") {
  process.stdout.write(String(await timeStep(process.argv[3] ?? "", process.argv[4] ?? "")));
  process.exit(0); // kept-alive connections would otherwise hold the process open
} else {
  await main();
}
