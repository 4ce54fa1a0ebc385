import { describe, expect, test } from "vitest";
import { createOktaClient } from "../../src/index.js";
import { attackTally } from "./attack-tally.js";

const tally = attackTally("org url");

describe("the admin-console hint", () => {
  test.each([
    ["https://acme-admin.okta.com.", "https://acme.okta.com"],
    ["https://ACME-ADMIN.OKTA.COM.", "https://acme.okta.com"],
    ["https://acme-admin.oktapreview.com.:443/", "https://acme.oktapreview.com"],
    ["https://acme-admin.okta-emea.com.", "https://acme.okta-emea.com"],
  ])("%s, spelled with the root's trailing dot, still points at the console", (orgUrl, org) => {
    tally.attack();
    expect(() => createOktaClient({ orgUrl, auth: { type: "apiToken", token: "00consoleToken" } })).toThrow(
      new TypeError(
        `orgUrl points at the admin console (${new URL(orgUrl).hostname}); use the org domain ${org}`,
      ),
    );
  });

  test("an org domain with the trailing dot is still an org domain", () => {
    expect(() =>
      createOktaClient({ orgUrl: "https://acme.okta.com.", auth: { type: "apiToken", token: "t" } }),
    ).not.toThrow();
  });
});
