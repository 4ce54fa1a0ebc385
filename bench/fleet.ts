/**
 * The fleet benchmark: auditing many apps' credentials against a fake Okta with an Okta-like per-endpoint rate limit
 * on a short window, side by side: this client's `auditCredentials`, Okta's Node SDK looping over the apps with
 * `Promise.all`, and a plain sequential loop of `fetch` calls that waits for the reset after each 429. For each:
 * wall time as a ratio to the rate-limit bound, 429s received, requests sent, apps that failed.
 *
 *   npx tsx bench/fleet.ts [--quick] [--record]
 */
import { appendFile, readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

const DIST = new URL("../dist/src/", import.meta.url);
const { createOktaClient, auditCredentials, generateSigningKey } = (await import(
  new URL("index.js", DIST).href
)) as typeof import("../src/index.js");
const { createFakeOkta } = (await import(
  new URL("testing/index.js", DIST).href
)) as typeof import("../src/testing/index.js");

const quick = process.argv.includes("--quick");
const APPS = quick ? 100 : 500;
const LIMIT = quick ? 25 : 100;
const WINDOW_MS = quick ? 5_000 : 20_000;
// A real network's round trip, so that a loop that sends one request at a time pays for it as it would.
const LATENCY_MS = 20;
const TOKEN = "00fleet-bench-token";
// The fewest windows the budget allows for each endpoint's APPS requests: every window but the last is waited out.
const BOUND_MS = (Math.ceil(APPS / LIMIT) - 1) * WINDOW_MS;

// Okta's SDK silently reads these; the benchmark runs without them.
for (const name of Object.keys(process.env)) {
  if (/^OKTA_CLIENT_|_proxy$|_PROXY$/.test(name)) delete process.env[name];
}

interface Org {
  readonly url: string;
  readonly appIds: string[];
  readonly statuses: number[];
  close(): Promise<void>;
}

/** A fresh fake org (fresh windows) with APPS apps, each with one secret and one signing key, behind a counting server. */
async function startOrg(jwksAsObject: boolean): Promise<Org> {
  const fake = await createFakeOkta({ tokens: [TOKEN], rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } });
  const { publicJwk } = await generateSigningKey({ alg: "ES256" });
  const appIds: string[] = [];
  for (let i = 0; i < APPS; i++) {
    appIds.push(
      await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}], jwks: [publicJwk] }),
    );
  }
  const statuses: number[] = [];
  const server = createServer((req, res) => void forward(req, res));
  async function forward(req: IncomingMessage, res: ServerResponse) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    const response = await fake.fetch(
      new Request(`http://127.0.0.1${req.url}`, { method: req.method ?? "GET", headers }),
    );
    statuses.push(response.status);
    let body = await response.text();
    // Okta's SDK reads only `{keys: [...]}` (it throws on the live API's bare array), so it is served that shape.
    if (jwksAsObject && response.ok && req.url?.endsWith("/jwks"))
      body = JSON.stringify({ keys: JSON.parse(body) });
    await sleep(LATENCY_MS);
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    appIds,
    statuses,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Audits with this client: `auditCredentials`, every default (throttle, retries). */
async function ours(org: Org): Promise<number> {
  const okta = createOktaClient({ orgUrl: org.url, auth: { type: "apiToken", token: TOKEN } });
  const report = await auditCredentials(okta, org.appIds);
  return report.filter((app) => app.findings.some((f) => f.code === "unreadable")).length;
}

/** Okta's SDK, every app at once with `Promise.all`, its default retries of 429 (two, after the reset plus 1 s). */
async function sdk(org: Org): Promise<number> {
  const okta = await import("@okta/okta-sdk-nodejs");
  const client = new okta.Client({ orgUrl: org.url, token: TOKEN, cacheMiddleware: null });
  const api = client.applicationSSOPublicKeysApi;
  const results = await Promise.allSettled(
    org.appIds.map((appId) => Promise.all([api.listJwk({ appId }), api.listOAuth2ClientSecrets({ appId })])),
  );
  return results.filter((result) => result.status === "rejected").length;
}

/** A plain loop: one app after the other, one `fetch` at a time, waiting for the reset (by `Date`) after a 429. */
async function sequential(org: Org): Promise<number> {
  const headers = { Accept: "application/json", Authorization: `SSWS ${TOKEN}` };
  for (const appId of org.appIds) {
    for (const kind of ["jwks", "secrets"]) {
      for (;;) {
        const response = await fetch(`${org.url}/api/v1/apps/${appId}/credentials/${kind}`, { headers });
        await response.arrayBuffer();
        if (response.status !== 429) break;
        const reset = Number(response.headers.get("X-Rate-Limit-Reset")) * 1000;
        await sleep(Math.max(0, reset - Date.parse(response.headers.get("Date") ?? "")));
      }
    }
  }
  return 0;
}

const CONTESTANTS = [
  ["this client: auditCredentials", ours, false],
  ["@okta/okta-sdk-nodejs 8.1.0, Promise.all", sdk, true],
  ["plain sequential loop (fetch, waits after a 429)", sequential, false],
] as const;

const FLEET_INTRO =
  "`npx tsx bench/fleet.ts --record` (see [`README.md`](README.md#fleet)): auditing many apps against the fake " +
  "Okta at an Okta-like per-endpoint rate limit. The bound is the least time the budget allows: every window but " +
  "the last waited out. Okta's reset is whole epoch seconds, so a client that honours it loses up to a second per window.";

const rows: string[] = [];
for (const [name, run, jwksAsObject] of CONTESTANTS) {
  const org = await startOrg(jwksAsObject);
  const start = performance.now();
  const failed = await run(org);
  const ms = performance.now() - start;
  await org.close();
  const throttled = org.statuses.filter((status) => status === 429).length;
  rows.push(
    `| ${name} | ${(ms / 1000).toFixed(1)} s | ${(ms / BOUND_MS).toFixed(2)}× | ${throttled} | ${org.statuses.length} | ${failed} |`,
  );
  console.error(rows.at(-1));
}

const report = [
  `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, Node ${process.versions.node}: auditing ${APPS} apps (two lists each) against the fake Okta on loopback with ${LATENCY_MS} ms added per answer, a budget of ${LIMIT} requests per ${WINDOW_MS / 1000} s window and endpoint; rate-limit bound ${(BOUND_MS / 1000).toFixed(0)} s (${Math.ceil(APPS / LIMIT)} windows per endpoint, all but the last waited out).`,
  "",
  "| contestant | wall time | × bound | 429s received | requests sent | apps failed |",
  "|---|---|---|---|---|---|",
  ...rows,
].join("\n");
console.log(report);
if (process.argv.includes("--record")) {
  // Appended under the "Fleet" heading, which the first recorded run adds; earlier records stay as they are.
  const results = new URL("RESULTS.md", import.meta.url);
  const fleet = (await readFile(results, "utf8")).includes("\n## Fleet\n");
  const heading = fleet ? "" : `\n## Fleet\n\n${FLEET_INTRO}\n`;
  await appendFile(results, `${heading}\n### ${quick ? "Quick run" : "Run"}: ${report}\n`);
}
