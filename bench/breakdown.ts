import createClient from "openapi-fetch";
import type { paths } from "../generated/okta-app-credentials.js";
import { startServer } from "./lib/start-server.js";
import { median, timeCalls } from "./lib/time-calls.js";

/**
 * `npx tsx bench/breakdown.ts`: where the time of one sequential `jwks.list` goes, layer by layer, on Node's
 * built-in fetch and on `createNodeTransport()` (built `dist/`, run `npm run build` first). Medians of 4 rounds
 * of 2,000 calls, taken in turns.
 */
type Index = typeof import("../src/index.js");
type Transport = typeof import("../src/node-transport.js");

const { createOktaClient } = (await import(new URL("../dist/src/index.js", import.meta.url).href)) as Index;
const { createNodeTransport } = (await import(
  new URL("../dist/src/node-transport.js", import.meta.url).href
)) as Transport;
const server = await startServer();
const node = createNodeTransport();
const APP_ID = "0oabench0000000000x7";
const PATH = "/api/v1/apps/{appId}/credentials/jwks";
const url = `${server.origin}/api/v1/apps/${APP_ID}/credentials/jwks`;
const headers = { Authorization: "SSWS 00bench", Accept: "application/json" };
const params = { path: { appId: APP_ID } };
const auth = { type: "apiToken", token: "00bench" } as const;
const onNode = createClient<paths>({ baseUrl: server.origin, headers, fetch: node });
const onBuiltin = createClient<paths>({ baseUrl: server.origin, headers });
/** The built-in fetch with what a per-attempt timeout needs: a controller, a timer, the body read within it. */
const fetchWithTimeout = async (request: Request): Promise<Response> => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    const response = await fetch(request, { signal: controller.signal });
    return new Response(await response.text(), response);
  } finally {
    clearTimeout(timer);
  }
};
const onBuiltinWithTimeout = createClient<paths>({
  baseUrl: server.origin,
  headers,
  fetch: fetchWithTimeout,
});
const clientOnNode = createOktaClient({ orgUrl: server.origin, auth, fetch: node });
const clientOnBuiltin = createOktaClient({ orgUrl: server.origin, auth });

const steps: Record<string, () => Promise<unknown>> = {
  "fetch(url) + json": async () => (await fetch(url, { headers })).json(),
  "createNodeTransport()(Request) + json": async () => (await node(new Request(url, { headers }))).json(),
  "openapi-fetch on built-in fetch": () => onBuiltin.GET(PATH, { params }),
  "openapi-fetch + per-attempt timeout": () => onBuiltinWithTimeout.GET(PATH, { params }),
  "openapi-fetch on createNodeTransport()": () => onNode.GET(PATH, { params }),
  "this client on built-in fetch": () => clientOnBuiltin.jwks.list(APP_ID),
  "this client on createNodeTransport()": () => clientOnNode.jwks.list(APP_ID),
};
const samples = new Map<string, number[]>();
for (const step of Object.values(steps)) await timeCalls(step, 1000, 1);
for (let round = 0; round < 4; round++) {
  for (const [name, step] of Object.entries(steps)) {
    samples.set(name, [...(samples.get(name) ?? []), await timeCalls(step, 2000, 1)]);
  }
}
for (const [name, values] of samples)
  process.stdout.write(`${name.padEnd(42)} ${median(values).toFixed(0)} µs\n`);
node.close();
await server.stop();
