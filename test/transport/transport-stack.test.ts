import createClient from "openapi-fetch";
import { afterEach, describe, expect, test } from "vitest";
import { collect } from "../../src/api/collect.js";
import { paginate } from "../../src/api/paginate.js";
import { OktaTimeoutError } from "../../src/errors/okta-errors.js";
import type { Sleep } from "../../src/transport/abortable-sleep.js";
import type { FetchLayer, FetchLike } from "../../src/transport/fetch-like.js";
import { withNoRedirects } from "../../src/transport/with-no-redirects.js";
import { withRetry } from "../../src/transport/with-retry.js";
import { withThrottle } from "../../src/transport/with-throttle.js";
import { withTimeout } from "../../src/transport/with-timeout.js";
import { type ScriptedServer, startScriptedServer } from "../helpers/scripted-server.js";

interface paths {
  "/api/v1/apps/{appId}/credentials/jwks": {
    parameters: { query?: never; header?: never; path: { appId: string }; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { appId: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": { id: string }[] } };
      };
    };
  };
}

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** The order createOktaClient builds, outermost first: retry, throttle, (auth), timeout, no-redirects, fetch. */
function stack(timeoutMs: number, sleep: Sleep): FetchLike {
  const layers: FetchLayer[] = [
    withRetry({}, { sleep, random: () => 0 }),
    withThrottle({ sleep }),
    withTimeout(timeoutMs),
    withNoRedirects,
  ];
  return layers.reduceRight<FetchLike>(
    (next, layer) => layer(next),
    (request) => fetch(request),
  );
}

const noWait: Sleep = async () => {};

describe("the transport stack", () => {
  test("retries a 429 and a dropped connection under openapi-fetch, then pages on", async () => {
    const okta = await startScriptedServer([
      { status: 429, headers: { "Retry-After": "0" } },
      {
        status: 200,
        headers: { Link: '</api/v1/apps/0oa1/credentials/jwks?after=b>; rel="next"' },
        body: [{ id: "a" }],
      },
      { drop: "mid-body", status: 200, body: [{ id: "lost" }] },
      { status: 200, body: [{ id: "b" }] },
    ]);
    servers.push(okta);
    const raw = createClient<paths>({ baseUrl: okta.url, fetch: stack(1000, noWait) });
    const keys = await collect(
      paginate(raw, "/api/v1/apps/{appId}/credentials/jwks", { params: { path: { appId: "0oa1" } } }),
    );
    expect(keys).toEqual([{ id: "a" }, { id: "b" }]);
    expect(okta.requests.map((request) => request.headers["x-okta-retry-count"])).toEqual([
      undefined,
      "1",
      undefined,
      "1",
    ]);
  });

  test("returns a redirect as a response and never contacts its target", async () => {
    const elsewhere = await startScriptedServer([{ status: 200, body: [] }]);
    const okta = await startScriptedServer([{ status: 302, headers: { Location: `${elsewhere.url}/x` } }]);
    servers.push(elsewhere, okta);
    const raw = createClient<paths>({ baseUrl: okta.url, fetch: stack(1000, noWait) });
    const { response } = await raw.GET("/api/v1/apps/{appId}/credentials/jwks", {
      params: { path: { appId: "a" } },
    });
    expect(response.status).toBe(302);
    expect(elsewhere.requests).toHaveLength(0);
  });

  test("carries the caller's abort down to fetch and rejects with its reason", async () => {
    const okta = await startScriptedServer([{ status: 200, body: [], delayMs: 2000 }]);
    servers.push(okta);
    const raw = createClient<paths>({ baseUrl: okta.url, fetch: stack(10_000, noWait) });
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const start = performance.now();
    const pending = raw.GET("/api/v1/apps/{appId}/credentials/jwks", {
      params: { path: { appId: "a" } },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(reason), 30);
    await expect(pending).rejects.toBe(reason);
    expect(performance.now() - start).toBeLessThan(1500);
  });

  test("times out each attempt and gives up with OktaTimeoutError after the retries", async () => {
    const okta = await startScriptedServer(() => ({ status: 200, body: [], delayMs: 500 }));
    servers.push(okta);
    const raw = createClient<paths>({ baseUrl: okta.url, fetch: stack(30, noWait) });
    const pending = raw.GET("/api/v1/apps/{appId}/credentials/jwks", { params: { path: { appId: "a" } } });
    await expect(pending).rejects.toBeInstanceOf(OktaTimeoutError);
    expect(okta.requests).toHaveLength(3);
  });
});
