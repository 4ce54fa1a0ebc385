import { describe, expect, test } from "vitest";
import { auditCredentials, rotateSecrets } from "../../src/index.js";
import { fleetOrg } from "../helpers/fleet-org.js";
import { lines, memoryJournal, secretApps } from "./fleet-test-kit.js";

const DAY = 86_400_000;
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("rotateSecrets stopped by an abort", () => {
  test("starts no further app, and rejects once the apps under way are finished and journaled", async () => {
    const org = await fleetOrg(secretApps(3), 100);
    const [a, b, c] = org.appIds as [string, string, string];
    const controller = new AbortController();
    const { journal, written } = memoryJournal();
    const run = rotateSecrets(org.okta, org.appIds, {
      concurrency: 2,
      signal: controller.signal,
      journal,
      deploy: async (appId) => {
        controller.abort(new Error("stop"));
        await tick(appId === a ? 1 : 10);
      },
    });
    await expect(run).rejects.toThrow("stop");
    expect(lines(written).filter((line) => line.endsWith("end rotated"))).toEqual([
      `${a} end rotated`,
      `${b} end rotated`,
    ]);
    expect(written.some((e) => e.appId === c)).toBe(false);
    for (const appId of [a, b]) expect(org.fake.state(appId).secrets).toHaveLength(1);
  });

  test("journals an app that failed while the signal was aborted, so a resume leaves it alone", async () => {
    const org = await fleetOrg(secretApps(1), 100);
    const controller = new AbortController();
    const { journal, written } = memoryJournal();
    const run = rotateSecrets(org.okta, org.appIds, {
      signal: controller.signal,
      journal,
      deploy: async () => {
        controller.abort(new Error("operator pressed ^C"));
        throw new Error("deploy target unreachable");
      },
    });
    await expect(run).rejects.toThrow("operator pressed ^C");
    expect(written.at(-1)).toMatchObject({ event: "end", outcome: "failed" });
    org.sent.length = 0;
    const resumed = memoryJournal(written).journal;
    const results = await rotateSecrets(org.okta, org.appIds, { deploy: async () => {}, journal: resumed });
    expect(results.map((r) => r.outcome)).toEqual(["journaled"]);
    expect(org.sent).toEqual([]);
  });
});

describe("the clock of a fleet call", () => {
  test("must give a number, checked before any request", async () => {
    const org = await fleetOrg(secretApps(1));
    const now = (() => new Date().toISOString()) as unknown as () => number;
    const message = "options.now must be a function returning epoch ms (a finite number)";
    await expect(rotateSecrets(org.okta, org.appIds, { deploy: async () => {}, now })).rejects.toThrow(
      message,
    );
    await expect(auditCredentials(org.okta, org.appIds, {}, { now })).rejects.toThrow(message);
    expect(org.statuses).toEqual([]);
  });

  test("makes nothing due, nor ends a grace period, once it stops giving a number", async () => {
    const org = await fleetOrg([
      ...secretApps(1),
      { tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}, {}] },
    ]);
    org.clock.advance(100 * DAY);
    let calls = 0;
    const now = () => (calls++ === 0 ? org.clock.now() : Number.NaN);
    const results = await rotateSecrets(org.okta, org.appIds, {
      deploy: async () => {},
      ifOlderThan: "90d",
      grace: "1h",
      now,
    });
    expect(results.map((r) => r.outcome)).toEqual(["up-to-date", "waiting"]);
    expect(org.sent.filter((line) => !line.startsWith("GET"))).toEqual([]);
  });

  test("takes a secret as due only when strictly older than ifOlderThan, as an audit does", async () => {
    const org = await fleetOrg(secretApps(1));
    const options = { dryRun: true, deploy: async () => {}, ifOlderThan: "90d", now: org.clock.now } as const;
    org.clock.advance(90 * DAY);
    expect((await rotateSecrets(org.okta, org.appIds, options)).map((r) => r.outcome)).toEqual([
      "up-to-date",
    ]);
    expect((await auditCredentials(org.okta, org.appIds, {}, options))[0]?.findings).toEqual([]);
    org.clock.advance(1);
    expect((await rotateSecrets(org.okta, org.appIds, options)).map((r) => r.outcome)).toEqual(["planned"]);
    const [audit] = await auditCredentials(org.okta, org.appIds, {}, options);
    expect(audit?.findings.map((f) => f.code)).toEqual(["secret-too-old"]);
  });
});
