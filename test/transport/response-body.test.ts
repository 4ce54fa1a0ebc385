import { describe, expect, test } from "vitest";
import {
  canHaveBody,
  keepBody,
  keptBody,
  readableCopy,
  readWhole,
  replaceBody,
  toReadable,
} from "../../src/transport/response-body.js";

describe("replaceBody", () => {
  test("keeps status, status text, headers and url", async () => {
    const original = new Response("old", {
      status: 404,
      statusText: "Not Found",
      headers: { "X-Okta-Request-Id": "r" },
    });
    Object.defineProperty(original, "url", { value: "https://acme.okta.com/api/v1/x" });
    const copy = replaceBody(original, "new");
    expect([copy.status, copy.statusText, copy.headers.get("X-Okta-Request-Id"), copy.url]).toEqual([
      404,
      "Not Found",
      "r",
      "https://acme.okta.com/api/v1/x",
    ]);
    expect(await copy.text()).toBe("new");
  });

  test.each([204, 205, 304])("returns a %i as it is, since it cannot carry a body", (status) => {
    const original = new Response(null, { status });
    expect(replaceBody(original, "x")).toBe(original);
    expect(canHaveBody(status)).toBe(false);
  });

  test("allows a body on ordinary statuses", () => {
    expect([200, 201, 302, 429, 503].map(canHaveBody)).toEqual([true, true, true, true, true]);
  });
});

describe("keepBody", () => {
  test("remembers the text of a response whose own body was read", async () => {
    const response = new Response('{"a":1}', { status: 201 });
    keepBody(response, await response.text());
    expect(keptBody(response)).toBe('{"a":1}');
    expect(response.bodyUsed).toBe(true);
  });

  test("knows nothing of responses nobody read into memory", () => {
    expect(keptBody(new Response("x"))).toBeUndefined();
  });

  test("toReadable gives back a readable copy with the same head and body", async () => {
    const response = new Response('{"a":1}', { status: 400, headers: { "X-Okta-Request-Id": "r" } });
    keepBody(response, await response.text());
    const readable = toReadable(response);
    expect(readable).not.toBe(response);
    expect([readable.status, readable.headers.get("X-Okta-Request-Id")]).toEqual([400, "r"]);
    expect(await readable.json()).toEqual({ a: 1 });
    expect(keptBody(readable)).toBe('{"a":1}');
  });

  test("toReadable gives a response whose body was handed over in memory only a body to read", async () => {
    const response = keepBody(new Response(null, { status: 404 }), '{"errorCode":"E0000007"}');
    const readable = toReadable(response);
    expect(readable.status).toBe(404);
    expect(await readable.json()).toEqual({ errorCode: "E0000007" });
  });

  test("toReadable returns a response whose body is unread as it is", async () => {
    const unread = keepBody(new Response("x"), "x");
    expect(toReadable(unread)).toBe(unread);
    const neverKept = new Response("y");
    expect(toReadable(neverKept)).toBe(neverKept);
  });
});

describe("readWhole", () => {
  test("reads the body to the end and hands it on through hold", async () => {
    const read = await readWhole(new Response('{"id":"pks1"}', { status: 200 }), readableCopy);
    expect(keptBody(read)).toBe('{"id":"pks1"}');
    expect(await read.json()).toEqual({ id: "pks1" });
  });

  test("returns a response without a body, or with a kept one, as it is", async () => {
    const empty = new Response(null, { status: 204 });
    const kept = keepBody(new Response(null), "[]");
    expect(await readWhole(empty, readableCopy)).toBe(empty);
    expect(await readWhole(kept, readableCopy)).toBe(kept);
  });
});
