import { describe, expect, test } from "vitest";
import { type JournalEntry, rotateKeys, rotateSecrets } from "../../src/index.js";
import { ecJwk } from "../helpers/fake-org.js";
import { fleetOrg } from "../helpers/fleet-org.js";
import { dyingProcess, keyApps, memoryJournal, secretApps } from "./fleet-test-kit.js";

const DAY = 86_400_000;
const writes = (sent: readonly string[]) => sent.filter((line) => !line.startsWith("GET"));

describe("rotateSecrets resuming from a journal", () => {
  test("deletes the secret a killed run created before journaling it, then rotates", async () => {
    const org = await fleetOrg(secretApps(1), 100);
    const [appId] = org.appIds as [string];
    const killed = dyingProcess(org.fake, (e) => e.event === "step" && e.action === "create-secret");
    const options = { deploy: async () => {}, now: org.clock.now };
    await expect(
      rotateSecrets(killed.okta, [appId], { ...options, journal: killed.journal }),
    ).rejects.toThrow();
    expect(org.fake.state(appId).secrets.map((s) => s.status)).toEqual(["ACTIVE", "ACTIVE"]);
    const deployed: string[] = [];
    const resumed = await rotateSecrets(org.okta, [appId], {
      ...options,
      deploy: async (_appId, secret) => void deployed.push(secret.id),
      journal: memoryJournal(killed.written).journal,
    });
    expect(resumed.map((r) => r.outcome)).toEqual(["rotated"]);
    expect(org.fake.state(appId).secrets.map((s) => s.id)).toEqual(deployed);
  });

  test.each([
    ["records no create", []],
    ["records a create a day earlier", [{ event: "creating", at: "2026-03-02T17:30:00.000Z" }]],
  ])("touches nothing when a secret it cannot tell as its own appeared (journal %s)", async (_, extra) => {
    const org = await fleetOrg(secretApps(1), 100);
    const [appId] = org.appIds as [string];
    const old = org.fake.state(appId).secrets[0]?.id as string;
    const start = { appId, kind: "client-secret", event: "start", before: [{ id: old, status: "ACTIVE" }] };
    const entries = [start, ...extra.map((e) => ({ appId, kind: "client-secret", ...e }))] as JournalEntry[];
    org.clock.advance(DAY);
    // Meanwhile an operator rotated by hand, and their clients use the new secret.
    const operators = (await org.okta.secrets.create(appId)).id;
    const before = org.fake.state(appId);
    org.sent.length = 0;
    const { journal, written } = memoryJournal(entries);
    const [result] = await rotateSecrets(org.okta, [appId], {
      deploy: async () => {},
      journal,
      now: org.clock.now,
    });
    expect(result?.outcome).toBe("failed");
    expect(result?.message).toContain(
      `secret ${operators} appeared since an interrupted run listed app ${appId}`,
    );
    expect(writes(org.sent)).toEqual([]);
    expect(org.fake.state(appId)).toEqual(before);
    expect(written.at(-1)).toMatchObject({ event: "end", outcome: "failed" });
  });
});

describe("rotateKeys resuming from a journal", () => {
  test("deletes only a key with the kid the killed run was adding", async () => {
    const org = await fleetOrg(await keyApps(), 100);
    const [a, b] = org.appIds as [string, string];
    const entries: JournalEntry[] = [];
    for (const appId of org.appIds) {
      const before = org.fake.state(appId).jwks.map(({ id, status }) => ({ id, status }));
      const at = new Date(org.clock.now()).toISOString();
      entries.push({ appId, kind: "jwk", event: "start", before });
      entries.push({ appId, kind: "jwk", event: "creating", at, kid: `next-${appId}` });
    }
    await org.okta.jwks.add(a, await ecJwk(`next-${a}`));
    await org.okta.jwks.add(b, await ecJwk("operators-key"));
    const results = await rotateKeys(org.okta, org.appIds, {
      newKey: (appId) => ecJwk(`next-${appId}`),
      deploy: async () => {},
      journal: memoryJournal(entries).journal,
      now: org.clock.now,
    });
    expect(results.map((r) => r.outcome)).toEqual(["rotated", "failed"]);
    expect(results[1]?.message).toContain("its journal describes another kid: nothing was touched");
    expect(org.fake.state(a).jwks.map((k) => [k.kid, k.status])).toEqual([[`next-${a}`, "ACTIVE"]]);
    expect(org.fake.state(b).jwks.map((k) => [k.kid, k.status])).toEqual([
      ["old-b", "ACTIVE"],
      ["operators-key", "ACTIVE"],
    ]);
  });
});
