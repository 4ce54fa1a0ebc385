import { describe, expect, test } from "vitest";
import { toOrgOrigin } from "../src/org-url.js";

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
