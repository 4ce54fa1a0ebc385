import { describe, expect, test } from "vitest";
import { isHttpsOrLoopback, parseUrl, toOrgOrigin } from "../src/org-url.js";

describe("toOrgOrigin", () => {
  test("returns the origin of an https org URL, with or without a trailing slash", () => {
    expect(toOrgOrigin("https://acme.okta.com")).toBe("https://acme.okta.com");
    expect(toOrgOrigin("https://acme.okta.com/")).toBe("https://acme.okta.com");
    expect(toOrgOrigin("https://login.acme.example:8443")).toBe("https://login.acme.example:8443");
  });

  test("allows plain http only for loopback hosts", () => {
    expect(toOrgOrigin("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
    expect(toOrgOrigin("http://localhost:4010")).toBe("http://localhost:4010");
    expect(toOrgOrigin("http://[::1]:4010")).toBe("http://[::1]:4010");
    expect(() => toOrgOrigin("http://acme.okta.com")).toThrow(/orgUrl must use https/);
    expect(() => toOrgOrigin("ftp://acme.okta.com")).toThrow(/orgUrl must use https/);
  });

  test("refuses paths, queries and fragments", () => {
    expect(() => toOrgOrigin("https://acme.okta.com/api/v1")).toThrow(
      "orgUrl must be the org's origin without path, query or fragment, such as https://acme.okta.com",
    );
    expect(() => toOrgOrigin("https://acme.okta.com?x=1")).toThrow(/without path, query or fragment/);
    expect(() => toOrgOrigin("https://acme.okta.com#top")).toThrow(/without path, query or fragment/);
  });

  test("refuses the admin console domain with a hint", () => {
    expect(() => toOrgOrigin("https://acme-admin.okta.com")).toThrow(
      "orgUrl points at the admin console (acme-admin.okta.com); use the org domain https://acme.okta.com",
    );
    expect(() => toOrgOrigin("https://dev-123-admin.oktapreview.com")).toThrow(
      /https:\/\/dev-123\.oktapreview\.com/,
    );
  });

  test("refuses credentials in the URL without echoing them", () => {
    let message = "";
    try {
      toOrgOrigin("https://admin:hunter2secret@acme.okta.com");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe("orgUrl must not contain credentials; pass them in the auth option");
    expect(message).not.toContain("hunter2secret");
  });

  test("refuses what is not an absolute URL", () => {
    expect(() => toOrgOrigin("acme.okta.com")).toThrow(TypeError);
    expect(() => toOrgOrigin("")).toThrow("orgUrl must be a non-empty string such as https://acme.okta.com");
    expect(() => toOrgOrigin(undefined)).toThrow(/orgUrl must be a non-empty string/);
  });
});

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
