import createClient from "openapi-fetch";
import { afterEach, describe, expect, expectTypeOf, test } from "vitest";
import { collect } from "../../src/api/collect.js";
import { paginate } from "../../src/api/paginate.js";
import { OktaApiError, OktaError } from "../../src/errors/okta-errors.js";
import type { FetchLike } from "../../src/transport/fetch-like.js";
import { type ScriptedServer, startScriptedServer } from "../helpers/scripted-server.js";

interface Key {
  id: string;
}
interface ErrorBody {
  errorCode: string;
  errorSummary: string;
}
/** A small stand-in for the generated `paths`: one list and one single-object GET. */
interface paths {
  "/api/v1/apps/{appId}/credentials/jwks": {
    parameters: { query?: never; header?: never; path: { appId: string }; cookie?: never };
    get: {
      parameters: {
        query?: { after?: string; limit?: number; filter?: string };
        header?: never;
        path: { appId: string };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { "application/json": Key[] } };
        404: { headers: { [name: string]: unknown }; content: { "application/json": ErrorBody } };
      };
    };
  };
  "/api/v1/apps/{appId}/credentials/jwks/{keyId}": {
    parameters: { query?: never; header?: never; path: { appId: string; keyId: string }; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { appId: string; keyId: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: { [name: string]: unknown }; content: { "application/json": Key } } };
    };
  };
}

const LIST = "/api/v1/apps/{appId}/credentials/jwks";
const JWKS = "/api/v1/apps/0oa1/credentials/jwks";

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof startScriptedServer>): Promise<ScriptedServer> {
  const server = await startScriptedServer(...args);
  servers.push(server);
  return server;
}

/** Pages of two keys; page `n` links to page `n + 1` with `after`, `limit` and `filter`, up to `pages`. */
async function pagedServer(pages: number) {
  return serve((request) => {
    const url = new URL(request.url, "http://placeholder");
    const page = Number(url.searchParams.get("after") ?? "0");
    const headers: Record<string, string> = {};
    if (page + 1 < pages) {
      headers.Link = `<${origin()}${JWKS}?after=${page + 1}&limit=2&filter=a%20b>; rel="next", <${origin()}${JWKS}>; rel="self"`;
    }
    return { status: 200, headers, body: [{ id: `pks${page * 2}` }, { id: `pks${page * 2 + 1}` }] };
  });
  function origin() {
    return servers.at(-1)?.url;
  }
}

describe("paginate", () => {
  test("follows 50 pages and preserves each next link's query exactly", async () => {
    const server = await pagedServer(50);
    const raw = createClient<paths>({ baseUrl: server.url });
    const keys = await collect(
      paginate(raw, LIST, { params: { path: { appId: "0oa1" }, query: { limit: 2, filter: "a b" } } }),
    );
    expect(keys).toHaveLength(100);
    expect(keys.slice(0, 3)).toEqual([{ id: "pks0" }, { id: "pks1" }, { id: "pks2" }]);
    expect(keys.at(-1)).toEqual({ id: "pks99" });
    expect(server.requests[0]?.url).toBe(`${JWKS}?limit=2&filter=a%20b`);
    const later = server.requests.slice(1).map((request) => request.url);
    expect(later).toEqual(
      Array.from({ length: 49 }, (_, i) => `${JWKS}?after=${i + 1}&limit=2&filter=a%20b`),
    );
  });

  test("types each item from the path's 200 response", () => {
    const raw = createClient<paths>({ baseUrl: "http://127.0.0.1:9" });
    const items = paginate(raw, LIST, { params: { path: { appId: "0oa1" } } });
    expectTypeOf(items).toEqualTypeOf<AsyncGenerator<Key, void, undefined>>();
    // @ts-expect-error the path parameters are required
    paginate(raw, LIST);
    // @ts-expect-error a single key is not a list
    paginate(raw, "/api/v1/apps/{appId}/credentials/jwks/{keyId}", {
      params: { path: { appId: "a", keyId: "k" } },
    });
  });

  test("sends every page through the client's fetch and headers", async () => {
    const server = await pagedServer(3);
    const seen: string[] = [];
    const recording: FetchLike = (request) => {
      seen.push(request.url);
      return fetch(request);
    };
    const raw = createClient<paths>({
      baseUrl: server.url,
      fetch: recording,
      headers: { Authorization: "SSWS t" },
    });
    await collect(paginate(raw, LIST, { params: { path: { appId: "0oa1" } } }));
    expect(seen).toHaveLength(3);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([
      "SSWS t",
      "SSWS t",
      "SSWS t",
    ]);
  });

  test("requests a page only when the items before it have been taken", async () => {
    const server = await pagedServer(3);
    const raw = createClient<paths>({ baseUrl: server.url });
    const items = paginate(raw, LIST, { params: { path: { appId: "0oa1" } } });
    expect((await items.next()).value).toEqual({ id: "pks0" });
    expect((await items.next()).value).toEqual({ id: "pks1" });
    expect(server.requests).toHaveLength(1);
    expect((await items.next()).value).toEqual({ id: "pks2" });
    expect(server.requests).toHaveLength(2);
    await items.return();
  });

  test("resolves a relative next link against the current page", async () => {
    const server = await serve([
      { status: 200, headers: { Link: `<${JWKS}?after=x>; rel=next` }, body: [{ id: "a" }] },
      { status: 200, body: [{ id: "b" }] },
    ]);
    const raw = createClient<paths>({ baseUrl: server.url });
    const keys = await collect(paginate(raw, LIST, { params: { path: { appId: "0oa1" } } }));
    expect(keys).toEqual([{ id: "a" }, { id: "b" }]);
    expect(server.requests[1]?.url).toBe(`${JWKS}?after=x`);
  });

  test("refuses a next link to another origin and never requests it", async () => {
    const elsewhere = await serve([{ status: 200, body: [{ id: "stolen" }] }]);
    const server = await serve([
      {
        status: 200,
        headers: { Link: `<${elsewhere.url}${JWKS}?after=1>; rel="next"` },
        body: [{ id: "a" }],
      },
    ]);
    const raw = createClient<paths>({ baseUrl: server.url, headers: { Authorization: "SSWS secret-token" } });
    const keys: Key[] = [];
    const walk = async () => {
      for await (const key of paginate(raw, LIST, { params: { path: { appId: "0oa1" } } })) keys.push(key);
    };
    const error = await walk().catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(OktaError);
    expect((error as Error).message).toContain(elsewhere.url);
    expect((error as Error).message).not.toContain("secret-token");
    expect(keys).toEqual([{ id: "a" }]);
    expect(elsewhere.requests).toHaveLength(0);
  });

  test("refuses a next link to the page it came from", async () => {
    const server = await serve(() => ({ status: 200, headers: { Link: `<${JWKS}>; rel="next"` }, body: [] }));
    const raw = createClient<paths>({ baseUrl: server.url });
    await expect(collect(paginate(raw, LIST, { params: { path: { appId: "0oa1" } } }))).rejects.toThrow(
      /leads back to .*, a page already read$/,
    );
    expect(server.requests).toHaveLength(1);
  });

  test("refuses a next link that differs from a page already read only in its fragment", async () => {
    let n = 0;
    const server = await serve(() => ({
      status: 200,
      headers: { Link: `<${JWKS}?after=x#${++n}>; rel="next"` },
      body: [{ id: "a" }],
    }));
    const raw = createClient<paths>({ baseUrl: server.url });
    await expect(collect(paginate(raw, LIST, { params: { path: { appId: "0oa1" } } }))).rejects.toThrow(
      `leads back to ${server.url}${JWKS}?after=x, a page already read`,
    );
    expect(server.requests.map((request) => request.url)).toEqual([JWKS, `${JWKS}?after=x`]);
  });

  test("throws OktaApiError for a page that fails", async () => {
    const server = await serve([
      { status: 200, headers: { Link: `<${JWKS}?after=1>; rel="next"` }, body: [{ id: "a" }] },
      {
        status: 404,
        headers: { "X-Okta-Request-Id": "req-9" },
        body: { errorCode: "E0000007", errorSummary: "Not found: Resource not found: 0oa1 (App)" },
      },
    ]);
    const raw = createClient<paths>({ baseUrl: server.url });
    const error = await collect(paginate(raw, LIST, { params: { path: { appId: "0oa1" } } })).catch((e) => e);
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({
      status: 404,
      errorCode: "E0000007",
      requestId: "req-9",
      request: { method: "GET", url: `${server.url}${JWKS}?after=1` },
    });
  });

  test("throws OktaError when a page is not an array", async () => {
    const server = await serve([{ status: 200, body: { jwks: { keys: [] } } }]);
    const raw = createClient<paths>({ baseUrl: server.url });
    await expect(collect(paginate(raw, LIST, { params: { path: { appId: "0oa1" } } }))).rejects.toThrow(
      /Expected a JSON array/,
    );
  });

  test("stops with the signal's reason when aborted between pages", async () => {
    const server = await pagedServer(5);
    const raw = createClient<paths>({ baseUrl: server.url });
    const controller = new AbortController();
    const reason = new Error("enough");
    const items = paginate(raw, LIST, { params: { path: { appId: "0oa1" } }, signal: controller.signal });
    await items.next();
    await items.next();
    controller.abort(reason);
    await expect(items.next()).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  test("rejects a raw client that is not one", async () => {
    const fake = {} as ReturnType<typeof createClient<paths>>;
    await expect(paginate(fake, LIST, { params: { path: { appId: "0oa1" } } }).next()).rejects.toThrow(
      TypeError,
    );
  });
});
