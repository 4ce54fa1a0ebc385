import { afterEach, describe, expect, test } from "vitest";
import type { FetchLike } from "../../src/transport/fetch-like.js";
import { withThrottle } from "../../src/transport/with-throttle.js";
import { type ScriptedServer, startScriptedServer } from "../helpers/scripted-server.js";

const JWKS = "/api/v1/apps/0oa1/credentials/jwks";
const realFetch: FetchLike = (request) => fetch(request);

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A clock that only moves when someone sleeps: a sleep of `ms` moves it to at least now + `ms`. */
function fakeClock(start: number) {
  const clock = {
    t: start,
    slept: 0,
    now: () => clock.t,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      clock.slept += 1;
      clock.t = Math.max(clock.t, clock.t + ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  return clock;
}

/**
 * An Okta-like server on the fake clock: per endpoint (the list, or one key), `budget` requests per one-second
 * window, counted down in X-Rate-Limit-Remaining, X-Rate-Limit-Reset at the window's end, and a 429 for a request
 * that arrives with none remaining.
 */
async function rateLimitedServer(clock: { t: number }, budget: number) {
  const state = { violations: 0 };
  const windows = new Map<string, { window: number; remaining: number }>();
  server = await startScriptedServer(async (request) => {
    const endpoint = request.url === JWKS ? "list" : "one key";
    const window = Math.floor(clock.t / 1000);
    const current = windows.get(endpoint);
    const bucket = current && current.window === window ? current : { window, remaining: budget };
    windows.set(endpoint, bucket);
    const headers = {
      Date: new Date(clock.t).toUTCString(),
      "X-Rate-Limit-Limit": String(budget),
      "X-Rate-Limit-Reset": String(window + 1),
    };
    if (bucket.remaining === 0) {
      state.violations += 1;
      return {
        status: 429,
        headers: { ...headers, "X-Rate-Limit-Remaining": "0" },
        body: { errorCode: "E0000047" },
      };
    }
    bucket.remaining -= 1;
    return {
      status: 200,
      headers: { ...headers, "X-Rate-Limit-Remaining": String(bucket.remaining) },
      body: [],
    };
  });
  return { url: server.url, state, requests: server.requests };
}

describe("withThrottle", () => {
  test("lets 100 concurrent calls through a budget of 10 without ever exceeding it", async () => {
    const clock = fakeClock(1_800_000_000_000);
    const { url, state, requests } = await rateLimitedServer(clock, 10);
    const send = withThrottle({ now: clock.now, sleep: clock.sleep })(realFetch);
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => send(new Request(`${url}${JWKS}`))),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(200));
    expect(state.violations).toBe(0);
    expect(requests).toHaveLength(100);
    // Ten windows of ten: the clock had to move through at least nine resets.
    expect(clock.t - 1_800_000_000_000).toBeGreaterThanOrEqual(9_000);
  });

  test("is needed: without it the same burst earns 429s", async () => {
    const clock = fakeClock(1_800_000_000_000);
    const { url, state } = await rateLimitedServer(clock, 10);
    const send = withThrottle(false)(realFetch);
    const responses = await Promise.all(Array.from({ length: 30 }, () => send(new Request(`${url}${JWKS}`))));
    expect(responses.filter((response) => response.status === 429)).toHaveLength(20);
    expect(state.violations).toBe(20);
  });

  test("holds only the exhausted bucket", async () => {
    const clock = fakeClock(1_800_000_000_000);
    const { url, requests } = await rateLimitedServer(clock, 1);
    const send = withThrottle({ now: clock.now, sleep: clock.sleep })(realFetch);
    expect((await send(new Request(`${url}${JWKS}`))).status).toBe(200);
    expect((await send(new Request(`${url}${JWKS}/pks1`))).status).toBe(200);
    expect(clock.slept).toBe(0);
    expect((await send(new Request(`${url}${JWKS}/pks2`))).status).toBe(200);
    expect(clock.slept).toBeGreaterThan(0);
    expect(requests.map((request) => request.url)).toEqual([JWKS, `${JWKS}/pks1`, `${JWKS}/pks2`]);
  });

  test("does not hold anything when Okta sends no rate-limit headers", async () => {
    const clock = fakeClock(1_800_000_000_000);
    server = await startScriptedServer(() => ({ status: 200, body: [] }));
    const send = withThrottle({ now: clock.now, sleep: clock.sleep })(realFetch);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => send(new Request(`${server?.url}${JWKS}`))),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(clock.slept).toBe(0);
  });

  test("sends at once instead of holding longer than maxDelayMs", async () => {
    const clock = fakeClock(1_800_000_000_000);
    const reset = String(1_800_000_000 + 120);
    server = await startScriptedServer(() => ({
      status: 200,
      headers: {
        Date: new Date(clock.t).toUTCString(),
        "X-Rate-Limit-Remaining": "0",
        "X-Rate-Limit-Reset": reset,
      },
      body: [],
    }));
    const send = withThrottle({ now: clock.now, sleep: clock.sleep, maxDelayMs: 60_000 })(realFetch);
    await send(new Request(`${server.url}${JWKS}`));
    await send(new Request(`${server.url}${JWKS}`));
    expect(clock.slept).toBe(0);
    expect(server.requests).toHaveLength(2);
  });

  test("rejects at once with the signal's reason when aborted during a wait", async () => {
    const resetIn30s = String(Math.floor(Date.now() / 1000) + 30);
    server = await startScriptedServer(() => ({
      status: 200,
      headers: { "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": resetIn30s },
      body: [],
    }));
    const send = withThrottle()(realFetch);
    await send(new Request(`${server.url}${JWKS}`));
    const controller = new AbortController();
    const reason = new Error("cancelled while throttled");
    const start = performance.now();
    const waiting = send(new Request(`${server.url}${JWKS}`, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 20);
    await expect(waiting).rejects.toBe(reason);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(server.requests).toHaveLength(1);
  });

  test("rejects at once with the signal's reason when aborted while waiting for the first answer", async () => {
    let answer: (() => void) | undefined;
    const send = withThrottle()(async () => {
      await new Promise<void>((resolve) => {
        answer = resolve;
      });
      return new Response("[]");
    });
    const first = send(new Request(`http://127.0.0.1:9${JWKS}`));
    const controller = new AbortController();
    const reason = new Error("stop");
    const second = send(new Request(`http://127.0.0.1:9${JWKS}`, { signal: controller.signal }));
    controller.abort(reason);
    await expect(second).rejects.toBe(reason);
    answer?.();
    expect((await first).status).toBe(200);
  });

  test.each([
    ["on", /^throttle must be/],
    [{ now: 5 }, /throttle\.now/],
    [{ sleep: "1s" }, /throttle\.sleep/],
    [{ maxDelayMs: -1 }, /throttle\.maxDelayMs/],
  ])("rejects %j", (options, message) => {
    expect(() => withThrottle(options as never)).toThrow(message);
  });
});

describe("withThrottle and Okta's clock", () => {
  /** Answers with `Date` of the clock's whole second, the window's reset at `reset` and `remaining` left. */
  const answer = (clock: { t: number }, reset: number, remaining: number) =>
    new Response("[]", {
      headers: {
        Date: new Date(clock.t).toUTCString(),
        "X-Rate-Limit-Limit": "2",
        "X-Rate-Limit-Remaining": String(remaining),
        "X-Rate-Limit-Reset": String(reset),
      },
    });

  /** The throttle layer on `clock`, recording every wait it asks for. */
  const recordingThrottle = (clock: ReturnType<typeof fakeClock>) => {
    const waits: number[] = [];
    const throttle = withThrottle({
      now: clock.now,
      sleep: (ms, signal) => {
        waits.push(ms);
        return clock.sleep(ms, signal);
      },
    });
    return { waits, throttle };
  };

  test("waits for the reset as measured by the answer sent closest after Okta's second ticked", async () => {
    const clock = fakeClock(1_000_050);
    const { waits, throttle } = recordingThrottle(clock);
    const fetchLike = throttle(async () => answer(clock, 1010, 0));
    // An answer of another endpoint, 50 ms after Okta's second 1000 ticked.
    await fetchLike(new Request(`https://acme.okta.com${JWKS}/pks1`));
    // The list's answer comes 900 ms into that second: its Date alone would put the reset at 1010.900.
    clock.t = 1_000_900;
    const url = `https://acme.okta.com${JWKS}`;
    await fetchLike(new Request(url));
    await fetchLike(new Request(url));
    // The other answer puts it at 1010.050: the wait ends 850 ms sooner.
    expect(waits).toEqual([1_010_050 - 1_000_900]);
  });

  test("ignores a Date its own reset disagrees with", async () => {
    const clock = fakeClock(1_000_000);
    const { waits, throttle } = recordingThrottle(clock);
    const fetchLike = throttle(async () => {
      const response = answer(clock, 1010, 0);
      response.headers.set("Date", new Date(Date.UTC(2090, 0, 1)).toUTCString());
      return response;
    });
    const url = `https://acme.okta.com${JWKS}`;
    await fetchLike(new Request(url));
    await fetchLike(new Request(url));
    expect(waits).toEqual([10_000]);
  });
});
