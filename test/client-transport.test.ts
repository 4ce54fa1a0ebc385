import { afterEach, describe, expect, test } from "vitest";
import { collect } from "../src/api/collect.js";
import { paginate } from "../src/api/paginate.js";
import { createOktaClient } from "../src/client.js";
import { OktaApiError, OktaTimeoutError } from "../src/errors/okta-errors.js";
import { type ScriptedServer, startScriptedServer } from "./helpers/scripted-server.js";

const APP = "0oa8kg3bp0aQ7nD0x5d7";
const TOKEN = "00transportTestToken";
let servers: ScriptedServer[] = [];

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(script: Parameters<typeof startScriptedServer>[0]): Promise<ScriptedServer> {
  const server = await startScriptedServer(script);
  servers.push(server);
  return server;
}

function clientFor(server: ScriptedServer, extra: Partial<Parameters<typeof createOktaClient>[0]> = {}) {
  return createOktaClient({ orgUrl: server.url, auth: { type: "apiToken", token: TOKEN }, ...extra });
}

describe("createOktaClient over a real loopback server", () => {
  test("retries a 503 on a list, with Okta's retry headers", async () => {
    const server = await serve([
      { status: 503, headers: { "X-Okta-Request-Id": "first-attempt" } },
      { status: 200, body: [] },
    ]);
    expect(await clientFor(server, { retry: { retries: 2, maxDelayMs: 50 } }).jwks.list(APP)).toEqual([]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers["x-okta-retry-for"]).toBe("first-attempt");
    expect(server.requests[1]?.headers["x-okta-retry-count"]).toBe("1");
    expect(server.requests[1]?.headers.authorization).toBe(`SSWS ${TOKEN}`);
  });

  test("never retries secrets.create after a 503: a retry could create a second secret", async () => {
    const server = await serve([{ status: 503 }, { status: 201, body: {} }]);
    const error = await clientFor(server)
      .secrets.create(APP)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  test("gives up on a 429 whose reset is beyond maxDelayMs, saying when to come back", async () => {
    const serverNow = Date.now();
    const reset = Math.floor(serverNow / 1000) + 3600;
    const server = await serve([
      {
        status: 429,
        headers: { "X-Rate-Limit-Reset": String(reset), Date: new Date(serverNow).toUTCString() },
        body: {
          errorCode: "E0000047",
          errorSummary: "API call exceeded rate limit due to too many requests.",
        },
      },
    ]);
    const error = (await clientFor(server)
      .secrets.list(APP)
      .catch((e: unknown) => e)) as OktaApiError;
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error.errorCode).toBe("E0000047");
    expect(server.requests).toHaveLength(1);
    const waitMs = (error.retryAfter?.getTime() ?? 0) - Date.now();
    expect(waitMs).toBeGreaterThan(3_590_000);
    expect(waitMs).toBeLessThanOrEqual(3_600_000);
  });

  test("does not follow a redirect, so the token never travels to the redirect target", async () => {
    const elsewhere = await serve([{ status: 200, body: [] }]);
    const server = await serve([{ status: 302, headers: { Location: `${elsewhere.url}/steal` } }]);
    const error = await clientFor(server)
      .jwks.list(APP)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({
      status: 302,
      errorSummary: "Redirect not followed: requests with credentials stay on the org",
    });
    expect(elsewhere.requests).toHaveLength(0);
  });

  test("fails an attempt that takes longer than timeoutMs", async () => {
    const server = await serve([{ status: 200, body: [], delayMs: 500 }]);
    const error = await clientFor(server, { timeoutMs: 50, retry: false })
      .jwks.list(APP)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50, request: { method: "GET" } });
  });

  test("pages through okta.raw with paginate(), authenticated on every page", async () => {
    const next = '</api/v1/apps/0oa1/credentials/jwks?after=pks1>; rel="next"';
    const server = await serve([
      { status: 200, headers: { Link: next }, body: [{ id: "pks1" }] },
      { status: 200, body: [{ id: "pks2" }] },
    ]);
    const okta = clientFor(server);
    const keys = await collect(
      paginate(okta.raw, "/api/v1/apps/{appId}/credentials/jwks", { params: { path: { appId: "0oa1" } } }),
    );
    expect(keys).toEqual([{ id: "pks1" }, { id: "pks2" }]);
    expect(server.requests.map((request) => [request.url, request.headers.authorization])).toEqual([
      ["/api/v1/apps/0oa1/credentials/jwks", `SSWS ${TOKEN}`],
      ["/api/v1/apps/0oa1/credentials/jwks?after=pks1", `SSWS ${TOKEN}`],
    ]);
  });

  test("sends a new secret's JSON once and resends it after a 429", async () => {
    const server = await serve([
      { status: 429, headers: { "Retry-After": "0" } },
      { status: 201, body: { id: "ocs1", status: "INACTIVE" } },
    ]);
    const secret = await clientFor(server).secrets.create("0oa1", { status: "INACTIVE" });
    expect(secret).toEqual({ id: "ocs1", status: "INACTIVE" });
    expect(server.requests.map((request) => [request.body, request.headers["x-okta-retry-count"]])).toEqual([
      ['{"status":"INACTIVE"}', undefined],
      ['{"status":"INACTIVE"}', "1"],
    ]);
  });

  test("hands a fetch given as an option the Request openapi-fetch built, which never follows redirects", async () => {
    const server = await serve([{ status: 201, body: { id: "ocs1", status: "ACTIVE" } }]);
    const seen: Request[] = [];
    const fetch = (request: Request, init?: { signal?: AbortSignal }) => {
      seen.push(request);
      return globalThis.fetch(request, init);
    };
    const created = await clientFor(server, { fetch }).secrets.create("0oa1", { status: "ACTIVE" });
    expect(created).toEqual({ id: "ocs1", status: "ACTIVE" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(Request);
    expect([seen[0]?.method, seen[0]?.url, seen[0]?.redirect]).toEqual([
      "POST",
      `${server.url}/api/v1/apps/0oa1/credentials/secrets`,
      "manual",
    ]);
    expect(seen[0]?.headers.get("authorization")).toBe(`SSWS ${TOKEN}`);
    expect(server.requests[0]?.body).toBe('{"status":"ACTIVE"}');
  });

  test("times out a body that stalls after the headers, then retries the list", async () => {
    const server = await serve((_request, res) => {
      if (server.requests.length <= 2) {
        res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "40" });
        res.write('[{"id":"pks-stalled"');
        return undefined;
      }
      return { status: 200, body: [{ id: "pks1" }] };
    });
    const stalled = clientFor(server, { timeoutMs: 400, retry: false });
    await expect(stalled.jwks.list("0oa1")).rejects.toMatchObject({
      name: "OktaTimeoutError",
      timeoutMs: 400,
    });
    const retrying = clientFor(server, { timeoutMs: 400, retry: { retries: 1 } });
    expect(await retrying.jwks.list("0oa1")).toEqual([{ id: "pks1" }]);
    expect(server.requests.map((r) => r.headers["x-okta-retry-count"])).toEqual([undefined, undefined, "1"]);
  });

  test("checks transport options when the client is created", () => {
    const orgUrl = "http://127.0.0.1:9";
    expect(() => createOktaClient({ orgUrl, retry: { retries: -1 } })).toThrow(/retry\.retries/);
    expect(() => createOktaClient({ orgUrl, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createOktaClient({ orgUrl, throttle: { maxDelayMs: -5 } })).toThrow(/throttle\.maxDelayMs/);
  });
});
