import { describe, expect, test } from "vitest";
import { rotateKeys, rotateSecrets } from "../../src/index.js";
import { ecJwk } from "../helpers/fake-org.js";
import { fleetOrg } from "../helpers/fleet-org.js";
import { keyApps, lines, memoryJournal, secretApps } from "./fleet-test-kit.js";

const HOUR = 3_600_000;

describe("a fleet rotation whose journal fails", () => {
  test("rolls back a new secret the journal could not record, and a later grace run keeps the deployed one", async () => {
    const org = await fleetOrg(secretApps(1), 100);
    const [appId] = org.appIds as [string];
    const before = org.fake.state(appId);
    let failures = 0;
    const { journal, written } = memoryJournal([], (e) => {
      const fails = e.event === "step" && e.action === "create-secret" && e.status === "done";
      if (fails) failures++;
      return fails;
    });
    const deployed: string[] = [];
    const options = {
      deploy: async (_: string, s: { id: string }) => void deployed.push(s.id),
      now: org.clock.now,
    };
    const [result] = await rotateSecrets(org.okta, [appId], { ...options, journal });
    expect(failures).toBe(1);
    expect(result?.outcome).toBe("failed");
    expect(result?.message).toMatch(
      /failed at create-secret ocs\w+: onStep threw .*; rolled back: .*: ENOSPC/,
    );
    expect(deployed).toEqual([]);
    expect(org.fake.state(appId)).toEqual(before);
    expect(lines(written)).toEqual([
      `${appId} start`,
      `${appId} creating`,
      `${appId} step create-secret failed`,
      `${appId} step create-secret rolled-back`,
      `${appId} end failed`,
    ]);
    org.clock.advance(25 * HOUR);
    const [later] = await rotateSecrets(org.okta, [appId], { ...options, grace: "24h" });
    expect(later?.outcome).toBe("created");
    expect(org.fake.state(appId).secrets.map((s) => s.id)).toEqual([before.secrets[0]?.id, deployed[0]]);
  });
});

describe("the second phase of a grace period, given the first phase's journal", () => {
  test("retires old keys only for the key the journal records as deployed", async () => {
    const org = await fleetOrg(await keyApps(), 100);
    const [a, b] = org.appIds as [string, string];
    const { journal, written } = memoryJournal();
    const options = {
      newKey: (appId: string) => ecJwk(`next-${appId}`),
      deploy: async () => {},
      grace: "1h",
      now: org.clock.now,
    } as const;
    const first = await rotateKeys(org.okta, org.appIds, { ...options, journal });
    expect(first.map((r) => r.outcome)).toEqual(["created", "created"]);
    org.clock.advance(HOUR / 2);
    // A key nobody deployed through this journal becomes app a's newest.
    const stranger = await org.okta.jwks.add(a, await ecJwk("added-by-hand"));
    const keysOfA = org.fake.state(a).jwks;
    org.clock.advance(2 * HOUR);
    const second = await rotateKeys(org.okta, org.appIds, {
      ...options,
      journal: memoryJournal(written).journal,
    });
    expect(second.map((r) => r.outcome)).toEqual(["failed", "retired"]);
    expect(second[0]?.message).toMatch(
      new RegExp(`journal records pks\\w+ as the new signing key, not ${stranger.id}.*nothing was retired`),
    );
    expect(org.fake.state(a).jwks).toEqual(keysOfA);
    expect(org.fake.state(b).jwks.map((k) => [k.kid, k.status])).toEqual([[`next-${b}`, "ACTIVE"]]);
  });
});
