import { describe, expect, test } from "vitest";
import { verifyApp } from "../../src/verify/index.js";
import { APP, client, faithfulFake } from "./verify-client.js";

describe("verifyApp", () => {
  test("finds no deviation in the faithful fake, read-only: lists and gets, changes nothing", async () => {
    const fake = await faithfulFake();
    const before = fake.state(APP);
    const seen: string[] = [];
    const report = await verifyApp(client(fake, { seen }), APP);
    expect(report).toMatchObject({ ok: true, mode: "read-only", deviations: [], checked: 5 });
    expect(seen.map((call) => call.split(" ")[1])).toEqual([
      "listOAuth2ClientSecrets",
      "listJwk",
      "getOAuth2ClientSecret",
      "getJwk",
      "getJwk",
    ]);
    expect(seen.every((call) => call.startsWith("GET "))).toBe(true);
    expect(fake.state(APP)).toEqual(before);
    expect(String(report)).toContain("5 answers checked, 0 deviation(s), 0 failed step(s)");
  });

  test("runs the lifecycle on a confirmed disposable app and leaves exactly what was there", async () => {
    const fake = await faithfulFake();
    const before = fake.state(APP);
    const report = await verifyApp(client(fake), APP, { lifecycle: { disposableApp: APP } });
    expect(report.deviations).toEqual([]);
    expect(report.ok).toBe(true);
    const names = report.steps.map((step) => `${step.outcome} ${step.name.replace(/ (ocs|pks)\w+$/, "")}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "ok secrets.create INACTIVE",
        "ok secrets.activate",
        "ok secrets.deactivate",
        "ok secrets.delete",
        "ok jwks.add INACTIVE",
        "ok jwks.activate",
        "ok jwks.deactivate",
        "ok jwks.delete",
        "ok restored what was there",
      ]),
    );
    expect(fake.state(APP)).toEqual(before);
  });

  test("refuses the lifecycle, before any request, unless the confirmation names the same app", async () => {
    const fake = await faithfulFake();
    const seen: string[] = [];
    const okta = client(fake, { seen });
    await expect(verifyApp(okta, APP, { lifecycle: { disposableApp: "0oaOther" } })).rejects.toThrow(
      "lifecycle.disposableApp must repeat the app id",
    );
    await expect(verifyApp(okta, "", {})).rejects.toThrow(TypeError);
    expect(seen).toEqual([]);
  });

  test("reports each planted deviation: an object-shaped key list, a missing field, extra statuses, a missing header", async () => {
    const fake = await faithfulFake();
    const report = await verifyApp(
      client(fake, {
        plants: {
          listJwk: (answer) => {
            answer.body = { keys: answer.body };
          },
          listOAuth2ClientSecrets: (answer) => {
            delete (answer.body as Record<string, unknown>[])[0]?.lastUpdated;
          },
          getOAuth2ClientSecret: (answer) => {
            (answer.body as Record<string, unknown>).status = "EXPIRED";
            answer.headers.delete("X-Rate-Limit-Remaining");
          },
          getJwk: (answer) => {
            answer.status = 409;
          },
        },
      }),
      APP,
    );
    const found = report.deviations.map((d) => [d.operationId, d.part, d.at, d.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["listJwk", "body", "#", 'Instance type "object" is invalid. Expected "array".'],
        ["listOAuth2ClientSecrets", "body", "#/0", 'Instance does not have required property "lastUpdated".'],
        [
          "getOAuth2ClientSecret",
          "body",
          "#/status",
          'Instance does not match any of ["ACTIVE","INACTIVE"].',
        ],
        ["getOAuth2ClientSecret", "header", "X-Rate-Limit-Remaining", "missing"],
        ["getJwk", "status", "status", "409 is not documented (documented: 200, 401, 403, 404, 429)"],
      ]),
    );
    expect(report.ok).toBe(false);
    // Each deviation once, at the closest schema branch: nothing about RSA members for an EC key.
    expect(found.filter(([operation]) => operation === "listJwk")).toHaveLength(1);
    expect(report.deviations.every((d) => /^[0-9a-f]{32}$/.test(d.requestId ?? ""))).toBe(true);
  });

  test("redacts secrets and key material in the report, while showing the deviating answers", async () => {
    const fake = await faithfulFake();
    const report = await verifyApp(
      client(fake, {
        plants: {
          listOAuth2ClientSecrets: (answer) => {
            Object.assign((answer.body as object[])[0] ?? {}, { extra: "surprise" });
          },
          listJwk: (answer) => {
            answer.body = { keys: answer.body };
          },
        },
      }),
      APP,
    );
    const text = String(report);
    const [secret] = fake.state(APP).secrets;
    const keys = fake.state(APP).jwks;
    expect(text).toContain("#### Deviations from the curated spec");
    expect(text).toContain('"client_secret": "[redacted, 64 characters]"');
    expect(text).toContain('Property "extra" does not match additional properties schema.');
    expect(text).not.toContain(secret?.client_secret);
    for (const key of keys) {
      expect(text).not.toContain(key.x);
      expect(text).not.toContain(key.y);
    }
    expect(text).toContain(`"kid": "in-use"`);
  });
});
