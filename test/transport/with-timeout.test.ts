import { describe, expect, test } from "vitest";
import { OktaTimeoutError } from "../../src/errors/okta-errors.js";
import type { FetchLike } from "../../src/transport/fetch-like.js";
import { withTimeout } from "../../src/transport/with-timeout.js";
import { scriptedServers } from "../helpers/scripted-server.js";

const realFetch: FetchLike = (request) => fetch(request);

const serve = scriptedServers();

describe("withTimeout", () => {
  test("rejects with OktaTimeoutError when the response is slower than timeoutMs", async () => {
    const { url } = await serve([{ status: 200, body: [], delayMs: 500 }]);
    const start = performance.now();
    const pending = withTimeout(40)(realFetch)(new Request(`${url}/api/v1/apps/0oa1/credentials/jwks`));
    const error = await pending.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(OktaTimeoutError);
    expect(error).toMatchObject({
      timeoutMs: 40,
      request: { method: "GET", url: `${url}/api/v1/apps/0oa1/credentials/jwks` },
    });
    expect(performance.now() - start).toBeLessThan(400);
  });

  test("also times out a body that stalls after the headers", async () => {
    const server = await serve((_request, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
      res.write("[");
      return undefined;
    });
    await expect(withTimeout(60)(realFetch)(new Request(`${server.url}/x`))).rejects.toBeInstanceOf(
      OktaTimeoutError,
    );
  });

  test("passes a fast response through with its status, headers, body and url", async () => {
    const { url } = await serve([
      { status: 201, headers: { "X-Okta-Request-Id": "r1" }, body: { id: "ocs1" } },
    ]);
    const response = await withTimeout(1000)(realFetch)(new Request(`${url}/s`, { method: "POST" }));
    expect(response.status).toBe(201);
    expect(response.headers.get("X-Okta-Request-Id")).toBe("r1");
    expect(response.url).toBe(`${url}/s`);
    expect(await response.json()).toEqual({ id: "ocs1" });
  });

  test("rejects with the caller's reason, not a timeout, when the caller aborts", async () => {
    const { url } = await serve([{ status: 200, body: [], delayMs: 500 }]);
    const controller = new AbortController();
    const reason = new Error("cancelled by caller");
    const pending = withTimeout(5_000)(realFetch)(new Request(`${url}/x`, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });

  test("clears its timer once the body is read, so the attempt is never aborted afterwards", async () => {
    const { url } = await serve([{ status: 200, body: [1, 2, 3] }]);
    let sent: Request | undefined;
    const response = await withTimeout(30)((request) => {
      sent = request;
      return realFetch(request);
    })(new Request(`${url}/x`));
    expect(await response.json()).toEqual([1, 2, 3]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent?.signal.aborted).toBe(false);
  });

  test("times out a body whose source ignores the abort signal, and aborts the attempt's signal", async () => {
    let sent: AbortSignal | undefined;
    const endless = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const call = withTimeout(10)(async (_request, init) => {
      sent = init?.signal;
      return new Response(endless, { status: 200 });
    })(new Request("http://127.0.0.1:9/x"));
    await expect(call).rejects.toBeInstanceOf(OktaTimeoutError);
    expect(sent?.aborted).toBe(true);
    expect(sent?.reason).toBeInstanceOf(OktaTimeoutError);
  });

  test("times out a fetch that ignores the signal and never answers", async () => {
    const call = withTimeout(10)(() => new Promise<Response>(() => {}))(new Request("http://127.0.0.1:9/x"));
    await expect(call).rejects.toBeInstanceOf(OktaTimeoutError);
  });

  test("hands the attempt's signal to fetch beside the request instead of copying the request", async () => {
    const original = new Request("http://127.0.0.1:9/x");
    let seen: { request: Request; signal: AbortSignal | undefined } | undefined;
    await withTimeout(1000)(async (request, init) => {
      seen = { request, signal: init?.signal };
      return new Response(null, { status: 204 });
    })(original);
    expect(seen?.request).toBe(original);
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
    expect(seen?.signal).not.toBe(original.signal);
  });

  test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, "30s"])("rejects timeoutMs %s", (value) => {
    expect(() => withTimeout(value as number)).toThrow(/timeoutMs/);
  });
});
