import { describe, expect, test } from "vitest";
import { checkPrivateKeyContext } from "../../../src/auth/private-key/check-private-key-context.js";
import type { PrivateKeyAuthContext } from "../../../src/auth/private-key-auth.js";

const context: PrivateKeyAuthContext = {
  orgUrl: "https://acme.okta.com/",
  fetch: async () => new Response(),
};

describe("checkPrivateKeyContext", () => {
  test("returns the org's origin, the fetch and the clock, Date.now by default", () => {
    const now = () => 5;
    expect(checkPrivateKeyContext({ ...context, now })).toEqual({
      orgOrigin: "https://acme.okta.com",
      fetch: context.fetch,
      now,
    });
    expect(checkPrivateKeyContext(context).now).toBe(Date.now);
  });

  test("allows plain http to loopback hosts only, as the client's orgUrl does", () => {
    const orgUrl = "http://127.0.0.1:8080";
    expect(checkPrivateKeyContext({ ...context, orgUrl }).orgOrigin).toBe(orgUrl);
    expect(checkPrivateKeyContext({ ...context, orgUrl: "http://localhost:9" }).orgOrigin).toBe(
      "http://localhost:9",
    );
  });

  test("throws a TypeError naming the field that is wrong", () => {
    const bad: [Partial<PrivateKeyAuthContext>, RegExp][] = [
      [{ orgUrl: "acme.okta.com" }, /^context\.orgUrl: /],
      [{ orgUrl: "http://example.com" }, /^context\.orgUrl: expected an https URL/],
      [{ orgUrl: "ftp://acme.okta.com" }, /^context\.orgUrl: expected an https URL/],
      [{ fetch: "fetch" as never }, /^context\.fetch: /],
      [{ now: 5 as never }, /^context\.now: /],
    ];
    for (const [change, message] of bad) {
      expect(() => checkPrivateKeyContext({ ...context, ...change })).toThrow(TypeError);
      expect(() => checkPrivateKeyContext({ ...context, ...change })).toThrow(message);
    }
    expect(() => checkPrivateKeyContext(null as never)).toThrow(/^context: /);
  });
});
