import { describe, expect, test } from "vitest";
import { DraftRequest } from "../../src/transport/draft-request.js";

const URL_ = "https://acme.okta.com/api/v1/apps/0oa1/credentials/secrets";

describe("DraftRequest", () => {
  test("keeps what openapi-fetch worked out, the Headers object itself included", () => {
    const headers = new Headers({ "Content-Type": "application/json" });
    const signal = new AbortController().signal;
    const draft = new DraftRequest(URL_, {
      method: "POST",
      headers,
      body: '{"a":1}',
      redirect: "manual",
      signal,
    });
    expect(draft).toMatchObject({ url: URL_, method: "POST", body: '{"a":1}', redirect: "manual", signal });
    expect(draft.headers).toBe(headers);
  });

  test("defaults like a Request: GET, no body, redirects followed, no signal", () => {
    const draft = new DraftRequest(URL_, { headers: { Accept: "application/json" }, signal: null });
    expect(draft).toMatchObject({ method: "GET", body: null, redirect: "follow", signal: undefined });
    expect(draft.headers.get("accept")).toBe("application/json");
  });

  test("refuses a body that is not JSON text", () => {
    expect(() => new DraftRequest(URL_, { method: "POST", body: new Uint8Array(2) })).toThrow(
      new TypeError("A draft request's body must be a string"),
    );
  });

  test("copies with headers of its own", () => {
    const draft = new DraftRequest(URL_, { method: "POST", headers: { A: "1" }, body: "{}" });
    const copy = draft.copy();
    copy.headers.set("X-Okta-Retry-Count", "1");
    expect(copy).toMatchObject({ url: URL_, method: "POST", body: "{}" });
    expect(draft.headers.has("X-Okta-Retry-Count")).toBe(false);
    expect(copy.headers.get("a")).toBe("1");
  });

  test("builds into an equivalent WHATWG Request", async () => {
    const controller = new AbortController();
    const draft = new DraftRequest(URL_, {
      method: "POST",
      headers: { Authorization: "SSWS t", "Content-Type": "application/json" },
      body: '{"status":"ACTIVE"}',
      redirect: "manual",
      signal: controller.signal,
    });
    const request = draft.toRequest();
    expect(request).toBeInstanceOf(Request);
    expect([request.url, request.method, request.redirect]).toEqual([URL_, "POST", "manual"]);
    expect(Object.fromEntries(request.headers)).toEqual({
      authorization: "SSWS t",
      "content-type": "application/json",
    });
    expect(await request.text()).toBe('{"status":"ACTIVE"}');
    controller.abort(new Error("stop"));
    expect(request.signal.aborted).toBe(true);
  });
});
