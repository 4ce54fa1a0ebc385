import { describe, expect, test } from "vitest";
import type { FetchLike } from "../../src/transport/fetch-like.js";
import { inMemoryFormOf, withInMemoryForm } from "../../src/transport/in-memory-fetch.js";
import type { Send } from "../../src/transport/outgoing.js";

describe("withInMemoryForm", () => {
  test("gives a fetch a form the client can find, and leaves the fetch itself as it was", async () => {
    const plain: FetchLike = async () => new Response("plain");
    const form: Send = async () => new Response(null);
    const fetch = withInMemoryForm(plain, form);
    expect(fetch).toBe(plain);
    expect(inMemoryFormOf(fetch)).toBe(form);
    expect(await (await fetch(new Request("https://acme.okta.com/"))).text()).toBe("plain");
    expect(Object.keys(fetch)).toEqual([]);
  });

  test("finds no form on an ordinary fetch", () => {
    expect(inMemoryFormOf(async () => new Response(null))).toBeUndefined();
    expect(inMemoryFormOf(globalThis.fetch)).toBeUndefined();
  });
});
