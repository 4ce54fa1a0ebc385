import { describe, expect, test } from "vitest";
import { findingsFor } from "../../src/fleet/audit-findings.js";
import { resolveAuditPolicy } from "../../src/fleet/audit-policy.js";
import { auditCredentials, createOktaClient } from "../../src/index.js";
import { rsaJwk } from "../helpers/fake-org.js";
import { fleetOrg } from "../helpers/fleet-org.js";

const DAY = 86_400_000;
const codes = (audit: { findings: readonly { code: string }[] }) => audit.findings.map((f) => f.code).sort();

describe("auditCredentials", () => {
  test("reports each credential and every finding of the default policy", async () => {
    const sig = await rsaJwk("audit-sig", "sig");
    const { okta, appIds, clock } = await fleetOrg([
      { tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] },
      { tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}, {}] },
      { tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}, { status: "INACTIVE" }] },
      { tokenEndpointAuthMethod: "private_key_jwt", jwks: [sig] },
      { tokenEndpointAuthMethod: "private_key_jwt", jwks: [{ ...sig, status: "INACTIVE" }] },
      { tokenEndpointAuthMethod: "private_key_jwt", jwks: [{ ...sig, kid: null }] },
    ]);
    clock.advance(400 * DAY);
    const report = await auditCredentials(okta, appIds, {}, { now: clock.now });
    expect(report.map((app) => app.appId)).toEqual(appIds);
    expect(report.map(codes)).toEqual([
      ["secret-too-old"],
      ["secret-too-old", "secret-too-old", "two-active-secrets"],
      ["inactive-lingering", "secret-too-old"],
      ["key-too-old"],
      ["inactive-lingering", "no-active-signing-key"],
      ["key-too-old", "key-without-kid"],
    ]);
    expect(report[3]?.credentials[0]).toMatchObject({
      kind: "key",
      status: "ACTIVE",
      use: "sig",
      alg: "RS256",
      bits: 2048,
      kid: "sig-audit-sig",
      ageDays: 400,
    });
    expect(report[0]?.credentials[0]).toMatchObject({ kind: "secret", status: "ACTIVE", ageDays: 400 });
    expect(report[0]?.findings[0]?.message).toBe("active secret is 400 days old (policy: 90 days)");
    expect(JSON.stringify(report)).not.toMatch(/client_secret|secret_hash/);
  });

  test("finds nothing in young credentials, and follows a stricter policy", async () => {
    const { okta, appIds, clock } = await fleetOrg([
      { tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] },
    ]);
    clock.advance(10 * DAY);
    const now = clock.now;
    expect((await auditCredentials(okta, appIds, {}, { now }))[0]?.findings).toEqual([]);
    const strict = await auditCredentials(okta, appIds, { maxSecretAge: "7d" }, { now });
    expect(strict.map(codes)).toEqual([["secret-too-old"]]);
  });

  test("flags an RSA key under the policy's minimum size", () => {
    const policy = resolveAuditPolicy({ minRsaBits: 3072 });
    const key = {
      kind: "key",
      id: "pks1",
      status: "ACTIVE",
      created: "2026-01-01T00:00:00.000Z",
      lastUpdated: "2026-01-01T00:00:00.000Z",
      ageDays: 1,
      use: "sig",
      bits: 2048,
      kid: "k1",
    } as const;
    const findings = findingsFor([key], policy, Date.UTC(2026, 0, 2));
    expect(findings).toEqual([
      {
        code: "rsa-too-small",
        credentialId: "pks1",
        message: "RSA key of 2048 bits (policy: at least 3072)",
      },
    ]);
  });

  test("turns an app Okta cannot show into a finding and goes on", async () => {
    const { okta, appIds } = await fleetOrg([
      { tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] },
    ]);
    const report = await auditCredentials(okta, ["0oaMissing", ...appIds]);
    expect(report[0]?.appId).toBe("0oaMissing");
    expect(report[0]?.credentials).toEqual([]);
    expect(report[0]?.findings.map((f) => f.code)).toEqual(["unreadable"]);
    expect(report[0]?.findings[0]?.message).toMatch(/^404 E0000007/);
    expect(report[1]?.credentials).toHaveLength(1);
  });

  test("a 403 is a finding too, but a 401 ends the audit", async () => {
    const { fake, appIds } = await fleetOrg([
      { tokenEndpointAuthMethod: "none" },
      { tokenEndpointAuthMethod: "none" },
    ]);
    const refusing = (status: number) =>
      createOktaClient({
        orgUrl: "https://fake.okta.test",
        auth: { type: "apiToken", token: "test-token" },
        fetch: (request) =>
          request.url.includes(appIds[0] as string)
            ? Promise.resolve(Response.json({ errorCode: "E0000006", errorSummary: "no" }, { status }))
            : fake.fetch(request),
      });
    const report = await auditCredentials(refusing(403), appIds);
    expect(report.map((app) => app.findings.map((f) => f.code))).toEqual([["unreadable"], []]);
    expect(report[0]?.findings[0]?.message).toMatch(/^403 E0000006/);
    await expect(auditCredentials(refusing(401), appIds)).rejects.toMatchObject({ status: 401 });
  });

  test("stays inside the rate limit: 60 apps, 4 requests per window and endpoint, no 429", async () => {
    const apps = Array.from({ length: 60 }, () => ({
      tokenEndpointAuthMethod: "client_secret_basic" as const,
      secrets: [{}],
    }));
    const { okta, appIds, statuses, throttled, clock } = await fleetOrg(apps, 4, 60_000);
    const start = clock.now();
    const progress: number[] = [];
    const report = await auditCredentials(okta, appIds, undefined, {
      onProgress: ({ done }) => progress.push(done),
    });
    expect(report).toHaveLength(60);
    expect(throttled()).toBe(0);
    expect(statuses).toHaveLength(120);
    expect(progress).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // 15 windows of 4 requests per endpoint: 14 waits of a minute (and at most a second of rounding each).
    const elapsed = clock.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(14 * 60_000);
    expect(elapsed).toBeLessThanOrEqual(14 * 62_000);
  });

  test("checks the policy and options before any request", async () => {
    const { okta, appIds, statuses } = await fleetOrg([{ tokenEndpointAuthMethod: "none" }]);
    await expect(auditCredentials(okta, appIds, { maxSecretAge: "90 days" as never })).rejects.toThrow(
      'policy.maxSecretAge must be a duration such as 90d, 24h, 30m or 45s (got "90 days")',
    );
    await expect(auditCredentials(okta, appIds, { minRsaBits: 1.5 })).rejects.toThrow(/minRsaBits/);
    await expect(auditCredentials(okta, ["a/b"])).rejects.toThrow(/appId must not contain/);
    await expect(auditCredentials(okta, appIds, {}, { concurrency: 0 })).rejects.toThrow(/concurrency/);
    expect(statuses).toEqual([]);
  });

  test("stops at an abort with the signal's reason", async () => {
    const { okta, appIds, statuses } = await fleetOrg([{ tokenEndpointAuthMethod: "none" }]);
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(auditCredentials(okta, appIds, {}, { signal: controller.signal })).rejects.toThrow("stop");
    expect(statuses).toEqual([]);
  });
});
