import { describe, expect, test } from "vitest";
import { OktaTimeoutError } from "../../src/errors/okta-errors.js";
import type { FetchLike } from "../../src/transport/fetch-like.js";
import { retryAfterDate } from "../../src/transport/rate-limit.js";
import type { RetryInfo } from "../../src/transport/retry-options.js";
import { withRetry } from "../../src/transport/with-retry.js";
import { withTimeout } from "../../src/transport/with-timeout.js";
import { scriptedServers } from "../helpers/scripted-server.js";

const APP = "/api/v1/apps/0oa1/credentials";
const realFetch: FetchLike = (request) => fetch(request);

const serve = scriptedServers();

/** A sleep that records what it was asked for and returns at once. */
function recordingSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return { delays, sleep };
}

/** An HTTP date a whole number of seconds from now, and the matching epoch second. */
function serverClock(offsetMs: number) {
  const ms = Math.floor((Date.now() + offsetMs) / 1000) * 1000;
  return { date: new Date(ms).toUTCString(), seconds: ms / 1000 };
}

describe("withRetry on 429", () => {
  test("waits until X-Rate-Limit-Reset measured against a Date an hour behind the local clock", async () => {
    const clock = serverClock(-3_600_000);
    const { url, requests } = await serve([
      { status: 429, headers: { Date: clock.date, "X-Rate-Limit-Reset": String(clock.seconds + 3) } },
      { status: 200, body: [] },
    ]);
    const { delays, sleep } = recordingSleep();
    const response = await withRetry({}, { sleep, random: () => 0 })(realFetch)(
      new Request(`${url}${APP}/jwks`),
    );
    expect(response.status).toBe(200);
    expect(delays).toEqual([3000]);
    expect(requests).toHaveLength(2);
  });

  test("uses the earliest reset when the header repeats", async () => {
    const clock = serverClock(0);
    const resets = [String(clock.seconds + 50), String(clock.seconds + 4)];
    const { url } = await serve([
      { status: 429, headers: { Date: clock.date, "X-Rate-Limit-Reset": resets } },
      { status: 200, body: [] },
    ]);
    const { delays, sleep } = recordingSleep();
    await withRetry({}, { sleep, random: () => 0 })(realFetch)(new Request(`${url}${APP}/jwks`));
    expect(delays).toEqual([4000]);
  });

  test("adds up to one second of jitter and reports the retry to onRetry", async () => {
    const clock = serverClock(0);
    const { url } = await serve([
      { status: 429, headers: { Date: clock.date, "X-Rate-Limit-Reset": String(clock.seconds + 2) } },
      { status: 201, body: { id: "ocs1" } },
    ]);
    const infos: RetryInfo[] = [];
    const { delays, sleep } = recordingSleep();
    const layer = withRetry({ onRetry: (info) => infos.push(info) }, { sleep, random: () => 0.5 });
    const response = await layer(realFetch)(
      new Request(`${url}${APP}/secrets`, { method: "POST", body: "{}" }),
    );
    expect(response.status).toBe(201);
    expect(delays).toEqual([2500]);
    expect(infos).toEqual([
      { attempt: 1, delayMs: 2500, reason: 429, method: "POST", url: `${url}${APP}/secrets` },
    ]);
  });

  test("falls back to Retry-After, then to exponential backoff", async () => {
    const { url } = await serve([
      { status: 429, headers: { "Retry-After": "7" } },
      { status: 429 },
      { status: 200, body: [] },
    ]);
    const { delays, sleep } = recordingSleep();
    const response = await withRetry({}, { sleep, random: () => 0 })(realFetch)(
      new Request(`${url}${APP}/jwks`),
    );
    expect(response.status).toBe(200);
    expect(delays).toEqual([7000, 500]);
  });

  test("returns the 429 without sleeping when the reset is beyond maxDelayMs", async () => {
    const clock = serverClock(0);
    const { url, requests } = await serve([
      { status: 429, headers: { Date: clock.date, "X-Rate-Limit-Reset": String(clock.seconds + 120) } },
      { status: 200, body: [] },
    ]);
    const { delays, sleep } = recordingSleep();
    const layer = withRetry({ maxDelayMs: 10_000 }, { sleep });
    const response = await layer(realFetch)(new Request(`${url}${APP}/jwks`));
    expect(response.status).toBe(429);
    expect(delays).toEqual([]);
    expect(requests).toHaveLength(1);
    const localNow = Date.now();
    expect(retryAfterDate(response, localNow)).toEqual(new Date(localNow + 120_000));
  });

  test("re-sends the same body on every attempt, for any operation", async () => {
    const { url, requests } = await serve([{ status: 429 }, { status: 201, body: { id: "ocs1" } }]);
    const { sleep } = recordingSleep();
    const body = JSON.stringify({ client_secret: "s".repeat(40) });
    await withRetry({}, { sleep })(realFetch)(new Request(`${url}${APP}/secrets`, { method: "POST", body }));
    expect(requests.map((request) => request.body)).toEqual([body, body]);
  });

  test("retries a GET with the headers it came with, not those a layer below added to the first attempt", async () => {
    const { url, requests } = await serve([{ status: 429 }, { status: 200, body: [] }]);
    const { sleep } = recordingSleep();
    const addingBelow: FetchLike = (request) => {
      request.headers.append("X-Added-Below", "once");
      return fetch(request);
    };
    const request = new Request(`${url}${APP}/jwks`, { headers: { "X-From-Caller": "1" } });
    const response = await withRetry({}, { sleep })(addingBelow)(request);
    expect(response.status).toBe(200);
    expect(
      requests.map(({ headers }) => [
        headers["x-from-caller"],
        headers["x-added-below"],
        headers["x-okta-retry-count"],
      ]),
    ).toEqual([
      ["1", "once", undefined],
      ["1", "once", "1"],
    ]);
  });

  test("reads a body once, as fetch would, and sends it with every attempt, leaving the caller's headers as they were", async () => {
    const { url, requests } = await serve([{ status: 429 }, { status: 201, body: { id: "ocs1" } }]);
    const { sleep } = recordingSleep();
    const body = JSON.stringify({ client_secret: "k".repeat(40) });
    const sent: Request[] = [];
    const spy: FetchLike = (request) => {
      sent.push(request);
      return fetch(request);
    };
    const original = new Request(`${url}${APP}/secrets`, { method: "POST", body });
    const response = await withRetry({}, { sleep })(spy)(original);
    expect(response.status).toBe(201);
    expect(sent).toHaveLength(2);
    expect(sent).not.toContain(original);
    expect(original.headers.has("X-Okta-Retry-Count")).toBe(false);
    expect(original.bodyUsed).toBe(true);
    expect(requests.map((request) => [request.body, request.headers["x-okta-retry-count"]])).toEqual([
      [body, undefined],
      [body, "1"],
    ]);
  });

  test("stops after `retries` further attempts", async () => {
    const { url, requests } = await serve([
      { status: 429 },
      { status: 429 },
      { status: 429 },
      { status: 200 },
    ]);
    const { delays, sleep } = recordingSleep();
    const response = await withRetry({ retries: 2 }, { sleep })(realFetch)(new Request(`${url}${APP}/jwks`));
    expect(response.status).toBe(429);
    expect(requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });
});

describe("withRetry on 5xx and dropped connections", () => {
  test("retries a GET after 503 with X-Okta-Retry-For and X-Okta-Retry-Count", async () => {
    const { url, requests } = await serve([
      { status: 503, headers: { "X-Okta-Request-Id": "req-first" } },
      { status: 502, headers: { "X-Okta-Request-Id": "req-second" } },
      { status: 200, body: [{ id: "pks1" }] },
    ]);
    const { sleep } = recordingSleep();
    const response = await withRetry({}, { sleep })(realFetch)(new Request(`${url}${APP}/jwks`));
    expect(await response.json()).toEqual([{ id: "pks1" }]);
    const marks = requests.map((r) => [r.headers["x-okta-retry-for"], r.headers["x-okta-retry-count"]]);
    expect(marks).toEqual([
      [undefined, undefined],
      ["req-first", "1"],
      ["req-first", "2"],
    ]);
  });

  test.each([
    ["POST", `${APP}/jwks/pks1/lifecycle/activate`],
    ["POST", `${APP}/secrets/ocs1/lifecycle/deactivate`],
    ["DELETE", `${APP}/secrets/ocs1`],
  ])("retries %s %s after 500", async (method, path) => {
    const { url, requests } = await serve([{ status: 500 }, { status: 200, body: {} }]);
    const { sleep } = recordingSleep();
    const response = await withRetry({}, { sleep })(realFetch)(new Request(`${url}${path}`, { method }));
    expect(response.status).toBe(200);
    expect(requests).toHaveLength(2);
  });

  test.each([`${APP}/secrets`, `${APP}/jwks`])("never retries POST %s after 503", async (path) => {
    const { url, requests } = await serve([{ status: 503 }, { status: 201, body: {} }]);
    const { delays, sleep } = recordingSleep();
    const response = await withRetry({}, { sleep })(realFetch)(
      new Request(`${url}${path}`, { method: "POST" }),
    );
    expect(response.status).toBe(503);
    expect(requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  test.each([401, 403, 404, 400])("never retries %i", async (status) => {
    const { url, requests } = await serve([{ status, body: { errorCode: "E0000007" } }, { status: 200 }]);
    const { sleep } = recordingSleep();
    const response = await withRetry({}, { sleep })(realFetch)(new Request(`${url}${APP}/jwks/pks1`));
    expect(response.status).toBe(status);
    expect(requests).toHaveLength(1);
  });

  test.each(["before-headers", "after-headers", "mid-body"] as const)(
    "retries a GET whose connection drops %s, its body read within the attempt by withTimeout below",
    async (drop) => {
      const { url, requests } = await serve([
        { status: 200, body: [{ id: "pks-lost" }], drop },
        { status: 200, body: [{ id: "pks1" }] },
      ]);
      const infos: RetryInfo[] = [];
      const { sleep } = recordingSleep();
      const layer = withRetry({ onRetry: (info) => infos.push(info) }, { sleep, random: () => 0 });
      const response = await layer(withTimeout(5000)(realFetch))(new Request(`${url}${APP}/jwks`));
      expect(await response.json()).toEqual([{ id: "pks1" }]);
      expect(requests).toHaveLength(2);
      expect(infos.map((info) => [info.reason, info.delayMs])).toEqual([["network", 250]]);
    },
  );

  test("never retries POST …/jwks after a dropped connection", async () => {
    const { url, requests } = await serve([{ drop: "before-headers" }, { status: 201, body: {} }]);
    const { sleep } = recordingSleep();
    const attempt = withRetry({}, { sleep })(realFetch)(new Request(`${url}${APP}/jwks`, { method: "POST" }));
    await expect(attempt).rejects.toBeInstanceOf(TypeError);
    expect(requests).toHaveLength(1);
  });

  test("retries a timed-out GET but not a timed-out POST …/secrets", async () => {
    const { url, requests } = await serve([
      { status: 200, body: [], delayMs: 1_500 },
      { status: 200, body: [{ id: "pks1" }] },
      { status: 201, body: {}, delayMs: 1_500 },
    ]);
    const { sleep } = recordingSleep();
    const layer = withRetry({}, { sleep })(withTimeout(250)(realFetch));
    const response = await layer(new Request(`${url}${APP}/jwks`));
    expect(await response.json()).toEqual([{ id: "pks1" }]);
    const create = layer(new Request(`${url}${APP}/secrets`, { method: "POST" }));
    await expect(create).rejects.toBeInstanceOf(OktaTimeoutError);
    expect(requests.map((request) => request.method)).toEqual(["GET", "GET", "POST"]);
  });

  test("returns a DELETE's 204 intact", async () => {
    const { url } = await serve([{ status: 204 }]);
    const response = await withRetry()(realFetch)(
      new Request(`${url}${APP}/secrets/ocs1`, { method: "DELETE" }),
    );
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });

  test("sends once and passes everything through with retry: false", async () => {
    const { url, requests } = await serve([{ status: 503 }, { status: 200 }]);
    const response = await withRetry(false)(realFetch)(new Request(`${url}${APP}/jwks`));
    expect(response.status).toBe(503);
    expect(requests).toHaveLength(1);
  });
});

describe("withRetry and aborts", () => {
  test("rejects at once with the signal's reason when aborted during a rate-limit wait", async () => {
    const clock = serverClock(0);
    const { url, requests } = await serve([
      { status: 429, headers: { Date: clock.date, "X-Rate-Limit-Reset": String(clock.seconds + 30) } },
      { status: 200 },
    ]);
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    const layer = withRetry({}, { random: () => 0 })(realFetch);
    const start = performance.now();
    const pending = layer(new Request(`${url}${APP}/jwks`, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 50);
    await expect(pending).rejects.toBe(reason);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(requests).toHaveLength(1);
  });

  test("does not send at all when the signal has already aborted", async () => {
    const { url, requests } = await serve([{ status: 200 }]);
    const reason = new Error("too late");
    const request = new Request(`${url}${APP}/jwks`, { signal: AbortSignal.abort(reason) });
    await expect(withRetry()(realFetch)(request)).rejects.toBe(reason);
    expect(requests).toHaveLength(0);
  });
});

describe("withRetry options", () => {
  test.each([
    [{ retries: -1 }, /retry\.retries/],
    [{ retries: 1.5 }, /retry\.retries/],
    [{ retries: "2" }, /retry\.retries/],
    [{ maxDelayMs: -5 }, /retry\.maxDelayMs/],
    [{ maxDelayMs: Number.NaN }, /retry\.maxDelayMs/],
    [{ onRetry: "log" }, /retry\.onRetry/],
    ["yes", /^retry must be/],
    [null, /^retry must be/],
  ])("rejects %j before any request", (options, message) => {
    expect(() => withRetry(options as never)).toThrow(TypeError);
    expect(() => withRetry(options as never)).toThrow(message);
  });
});
