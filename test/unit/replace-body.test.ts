import { describe, expect, test } from "vitest";
import { canHaveBody, replaceBody } from "../../src/replace-body.js";

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
