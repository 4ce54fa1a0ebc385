import { describe, expect, test } from "vitest";
import { DraftRequest } from "../../src/transport/draft-request.js";
import type { FetchLike } from "../../src/transport/fetch-like.js";
import {
  copyRequest,
  forRequests,
  type Outgoing,
  sendRequests,
  sendWith,
  toRequest,
} from "../../src/transport/outgoing.js";

const URL_ = "https://acme.okta.com/api/v1/apps/0oa1/credentials/secrets";
const draft = () =>
  new DraftRequest(URL_, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });

describe("sendWith", () => {
  test("hands a draft to fetch as its URL and init, with the attempt's signal", async () => {
    const seen: unknown[][] = [];
    const send = sendWith(async (input, init) => {
      seen.push([input, init]);
      return new Response("ok");
    });
    const signal = new AbortController().signal;
    await send(draft(), { signal });
    expect(seen[0]?.[0]).toBe(URL_);
    expect(seen[0]?.[1]).toMatchObject({ method: "POST", body: "{}", redirect: "follow", signal });
    const own = new AbortController().signal;
    await send(new DraftRequest(URL_, { signal: own }));
    expect(seen[1]?.[1]).toMatchObject({ method: "GET", body: null, signal: own });
  });

  test("hands a Request on as it is", async () => {
    const request = new Request(URL_);
    const seen: unknown[] = [];
    await sendWith(async (input) => {
      seen.push(input);
      return new Response("ok");
    })(request);
    expect(seen).toEqual([request]);
  });
});

describe("sendRequests and toRequest", () => {
  test("build a draft into a Request for a fetch that takes only Requests", async () => {
    const seen: Request[] = [];
    const fetch: FetchLike = async (request) => {
      seen.push(request);
      return new Response(null, { status: 204 });
    };
    await sendRequests(fetch)(draft());
    expect(seen[0]).toBeInstanceOf(Request);
    expect(await seen[0]?.text()).toBe("{}");
    const request = new Request(URL_);
    expect(toRequest(request)).toBe(request);
  });
});

describe("copyRequest", () => {
  test("copies a draft, and a Request with the bytes given or a split of its own body", async () => {
    expect(copyRequest(draft())).toBeInstanceOf(DraftRequest);
    const original = new Request(URL_, { method: "POST", body: "own" });
    const split = copyRequest(original) as Request;
    expect(await split.text()).toBe("own");
    expect(await original.text()).toBe("own");
    const given = copyRequest(
      new Request(URL_, { method: "POST", body: "x" }),
      new TextEncoder().encode("y").buffer,
    );
    expect(await (given as Request).text()).toBe("y");
  });
});

describe("forRequests", () => {
  test("makes a layer over either kind into one over Requests", async () => {
    const kinds: string[] = [];
    const layer = forRequests((next) => (request: Outgoing, init) => {
      kinds.push(request instanceof DraftRequest ? "draft" : "request");
      return next(request, init);
    });
    const response = await layer(async (request) => new Response(request.method))(new Request(URL_));
    expect(await response.text()).toBe("GET");
    expect(kinds).toEqual(["request"]);
  });
});
