import { describe, expect, test } from "vitest";
import { pathnameOf } from "../../src/pathname-of.js";

describe("pathnameOf", () => {
  test.each([
    "https://acme.okta.com/api/v1/apps/0oa1/credentials/jwks",
    "https://acme.okta.com/api/v1/apps/0oa1/credentials/secrets?limit=2&after=x",
    "https://acme.okta.com/api/v1/apps?q=a/b#frag/ment",
    "https://acme.okta.com:8443/a%20b/c",
    "https://acme.okta.com/",
    "http://127.0.0.1:1234/x/lifecycle/activate",
  ])("agrees with URL on %s", (url) => {
    expect(pathnameOf(url)).toBe(new URL(url).pathname);
  });

  test("reads a URL without a path as /", () => {
    expect(pathnameOf("https://acme.okta.com")).toBe("/");
  });
});
