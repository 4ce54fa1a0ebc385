import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { collect, createOktaClient, isOktaError, paginate } from "../../src/index.js";
import { type ScriptedServer, scriptedServers } from "../helpers/scripted-server.js";
import { attackTally } from "./attack-tally.js";

const APP = "0oa8kg3bp0aQ7nD0x5d7";
const LIST = "/api/v1/apps/{appId}/credentials/jwks";
const JWKS = `/api/v1/apps/${APP}/credentials/jwks`;

const tally = attackTally("pagination");
const serve = scriptedServers();

let warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
beforeEach(() => {
  warnings = [];
  process.on("warning", onWarning);
});
afterEach(() => {
  process.off("warning", onWarning);
});

/** Page `n`'s URL: the list itself for page 0, `?after=n` for the others. */
const pageUrl = (origin: string, page: number) => `${origin}${JWKS}${page === 0 ? "" : `?after=${page}`}`;

/** A server whose page `n` links to page `next(n)`; every page holds one key. */
function linkingServer(next: (page: number) => number): Promise<ScriptedServer> {
  let origin = "";
  const server = serve((request) => {
    const page = Number(new URL(request.url, "http://placeholder").searchParams.get("after") ?? "0");
    return {
      status: 200,
      headers: { Link: `<${pageUrl(origin, next(page))}>; rel="next"` },
      body: [{ id: `pks${page}` }],
    };
  });
  return server.then((started) => {
    origin = started.url;
    return started;
  });
}

function clientFor(server: ScriptedServer) {
  return createOktaClient({ orgUrl: server.url, auth: { type: "apiToken", token: "00pagingToken" } });
}

async function failure(run: Promise<unknown>): Promise<Error> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isOktaError(error)).toBe(true);
  return error as Error;
}

describe("paginate against a hostile server", () => {
  test("a next-link cycle A → B → A stops with an OktaError before A is requested again", async () => {
    tally.attack();
    const server = await linkingServer((page) => (page === 0 ? 1 : 0));
    const okta = clientFor(server);
    const error = await failure(collect(paginate(okta.raw, LIST, { params: { path: { appId: APP } } })));
    expect(error.message).toBe(
      `The next link of GET ${server.url}${JWKS}?after=1 leads back to ${server.url}${JWKS}, a page already read`,
    );
    expect(server.requests.map((r) => r.url)).toEqual([JWKS, `${JWKS}?after=1`]);
  });

  test("a longer cycle A → B → C → B stops at the first repeated link", async () => {
    tally.attack();
    const server = await linkingServer((page) => (page === 3 ? 2 : page + 1));
    const error = await failure(
      collect(paginate(clientFor(server).raw, LIST, { params: { path: { appId: APP } } })),
    );
    expect(error.message).toMatch(/leads back to .*\?after=2, a page already read$/);
    expect(server.requests).toHaveLength(4);
  });

  test("a next link that is no URL is an OktaError, not a TypeError", async () => {
    tally.attack();
    const server = await serve(() => ({
      status: 200,
      headers: { Link: '<https://[bad>; rel="next"' },
      body: [],
    }));
    const error = await failure(
      collect(paginate(clientFor(server).raw, LIST, { params: { path: { appId: APP } } })),
    );
    expect(error.message).toBe(`The next link of GET ${server.url}${JWKS} is not a URL`);
  });

  test("an endless list of distinct pages stops at maxPages with an OktaError", async () => {
    tally.attack();
    const server = await linkingServer((page) => page + 1);
    const items: unknown[] = [];
    const walk = async () => {
      for await (const item of paginate(
        clientFor(server).raw,
        LIST,
        { params: { path: { appId: APP } } },
        { maxPages: 5 },
      ))
        items.push(item);
    };
    const error = await failure(walk());
    expect(error.message).toBe(
      `GET ${server.url}${JWKS} has more than 5 pages; stopped there (raise maxPages to read further)`,
    );
    expect(items).toHaveLength(5);
    expect(server.requests).toHaveLength(5);
  });

  test("an endless list stops at 1,000 pages by default", async () => {
    tally.attack();
    const server = await linkingServer((page) => page + 1);
    const error = await failure(
      collect(paginate(clientFor(server).raw, LIST, { params: { path: { appId: APP } } })),
    );
    expect(error.message).toMatch(/has more than 1000 pages; stopped there/);
    expect(server.requests).toHaveLength(1000);
  }, 30_000);

  test.each([0, -1, 1.5, Number.NaN, "10"])(
    "maxPages %j is a TypeError before any request",
    async (maxPages) => {
      const server = await linkingServer((page) => page + 1);
      const pages = paginate(
        clientFor(server).raw,
        LIST,
        { params: { path: { appId: APP } } },
        { maxPages: maxPages as number },
      );
      await expect(pages.next()).rejects.toThrow("maxPages must be a whole number of 1 or more");
      expect(server.requests).toEqual([]);
    },
  );

  test("1,600 pages under one signal leave no abort listener behind and raise no listener-leak warning", async () => {
    tally.attack();
    const server = await linkingServer((page) => page + 1);
    const controller = new AbortController();
    let most = 0;
    let read = 0;
    const init = { params: { path: { appId: APP } }, signal: controller.signal };
    for await (const _ of paginate(clientFor(server).raw, LIST, init, { maxPages: 2_000 })) {
      most = Math.max(most, getEventListeners(controller.signal, "abort").length);
      if (++read === 1_600) break;
    }
    expect(most).toBeLessThanOrEqual(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(warnings.map((warning) => warning.name)).toEqual([]);
  }, 30_000);

  test("500 facade calls under one signal leave no abort listener behind", async () => {
    tally.attack();
    const server = await serve(() => ({ status: 200, body: [] }));
    const okta = clientFor(server);
    const controller = new AbortController();
    for (let call = 0; call < 500; call += 1) await okta.jwks.list(APP, { signal: controller.signal });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  }, 30_000);

  test("200 concurrent calls held by the throttle under one signal leave no abort listener behind", async () => {
    tally.attack();
    // While the throttle does not know the budget it sends one request and holds the others until it answers.
    const reset = String(Math.floor(Date.now() / 1000) + 60);
    const server = await serve(() => ({
      status: 200,
      headers: { "X-Rate-Limit-Remaining": "1000", "X-Rate-Limit-Reset": reset },
      body: [],
    }));
    const okta = clientFor(server);
    const controller = new AbortController();
    const calls = Array.from({ length: 200 }, () => okta.jwks.list(APP, { signal: controller.signal }));
    await new Promise((resolve) => setImmediate(resolve));
    const held = getEventListeners(controller.signal, "abort").length;
    await Promise.all(calls);
    expect(held).toBeGreaterThan(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("an abort still stops a walk at once, with the signal's reason", async () => {
    const server = await linkingServer((page) => page + 1);
    const controller = new AbortController();
    const reason = new Error("shutting down");
    const walk = async () => {
      for await (const _ of paginate(clientFor(server).raw, LIST, {
        params: { path: { appId: APP } },
        signal: controller.signal,
      })) {
        controller.abort(reason);
      }
    };
    await expect(walk()).rejects.toBe(reason);
    expect(server.requests).toHaveLength(1);
  });
});
