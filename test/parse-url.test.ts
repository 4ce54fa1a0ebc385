import { describe, expect, test } from "vitest";
import { isHttpsOrLoopback, parseUrl } from "../src/parse-url.js";

describe("parseUrl", () => {
  test("returns the URL of a string holding an absolute URL", () => {
    expect(parseUrl("https://acme.okta.com/oauth2/v1/token")?.href).toBe(
      "https://acme.okta.com/oauth2/v1/token",
    );
  });

  test("returns undefined for relative URLs and for what is not a string", () => {
    expect(parseUrl("/oauth2/v1/token")).toBeUndefined();
    expect(parseUrl("acme.okta.com")).toBeUndefined();
    expect(parseUrl(new URL("https://acme.okta.com"))).toBeUndefined();
    expect(parseUrl(undefined)).toBeUndefined();
  });
});

describe("isHttpsOrLoopback", () => {
  test("allows https anywhere and plain http only on loopback hosts", () => {
    const allowed = (url: string) => isHttpsOrLoopback(new URL(url));
    expect(allowed("https://acme.okta.com")).toBe(true);
    expect(allowed("http://localhost:4010")).toBe(true);
    expect(allowed("http://127.0.0.2:4010")).toBe(true);
    expect(allowed("http://[::1]:4010")).toBe(true);
    expect(allowed("http://acme.okta.com")).toBe(false);
    expect(allowed("http://127.0.0.1.example.com")).toBe(false);
    expect(allowed("ftp://localhost")).toBe(false);
  });
});
