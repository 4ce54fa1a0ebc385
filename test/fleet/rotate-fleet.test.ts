import { describe, expect, test } from "vitest";
import {
  type AppRotation,
  type ClientSecret,
  type FleetJournal,
  type JournalEntry,
  rotateKeys,
  rotateSecrets,
} from "../../src/index.js";
import { ecJwk } from "../helpers/fake-org.js";
import { fleetOrg } from "../helpers/fleet-org.js";

const DAY = 86_400_000;
const outcomes = (results: AppRotation[]) => results.map((r) => r.outcome);
const secretApps = (n: number) =>
  Array.from({ length: n }, () => ({
    tokenEndpointAuthMethod: "client_secret_basic" as const,
    secrets: [{}],
  }));

/** A deploy that records which secret each app got. */
function deployer(failFor?: string) {
  const deployed = new Map<string, ClientSecret[]>();
  const deploy = async (appId: string, secret: ClientSecret) => {
    if (appId === failFor) throw new Error("the secret store is down");
    deployed.set(appId, [...(deployed.get(appId) ?? []), secret]);
  };
  return { deployed, deploy };
}

function memoryJournal(entries: JournalEntry[] = [], crashAfter = Number.POSITIVE_INFINITY) {
  const written: JournalEntry[] = [];
  const journal: FleetJournal = {
    entries: [...entries],
    append(entry) {
      if (written.length >= crashAfter) throw new Error("crash");
      written.push(entry);
    },
  };
  return { journal, written };
}

describe("rotateSecrets", () => {
  test("rotates the apps that are due, deploys each secret with its app id, and a second run changes nothing", async () => {
    const org = await fleetOrg(secretApps(2), 3);
    org.clock.advance(100 * DAY);
    const young = await org.fake.addApp({ tokenEndpointAuthMethod: "client_secret_post", secrets: [{}] });
    const appIds = [...org.appIds, young];
    const { deployed, deploy } = deployer();
    const now = org.clock.now;
    const first = await rotateSecrets(org.okta, appIds, { deploy, ifOlderThan: "90d", now });
    expect(outcomes(first)).toEqual(["rotated", "rotated", "up-to-date"]);
    for (const appId of org.appIds) {
      const [secret] = org.fake.state(appId).secrets;
      expect(org.fake.state(appId).secrets).toHaveLength(1);
      expect(deployed.get(appId)?.map((s) => s.client_secret)).toEqual([secret?.client_secret]);
    }
    expect(deployed.has(young)).toBe(false);
    const before = appIds.map((id) => org.fake.state(id));
    const second = await rotateSecrets(org.okta, appIds, { deploy, ifOlderThan: "90d", now });
    expect(outcomes(second)).toEqual(["up-to-date", "up-to-date", "up-to-date"]);
    expect(appIds.map((id) => org.fake.state(id))).toEqual(before);
    expect(org.throttled()).toBe(0);
  });

  test("lists a due app's secrets once to decide and plan, then again only before retiring the old one", async () => {
    const org = await fleetOrg(secretApps(1), 10);
    org.clock.advance(100 * DAY);
    const [appId] = org.appIds as [string];
    const [old] = org.fake.state(appId).secrets;
    const results = await rotateSecrets(org.okta, [appId], { deploy: deployer().deploy, ifOlderThan: "90d" });
    expect(outcomes(results)).toEqual(["rotated"]);
    const secrets = `${appId}/credentials/secrets`;
    expect(org.sent).toEqual([
      `GET ${secrets}`,
      `POST ${secrets}`,
      `GET ${secrets}`,
      `POST ${secrets}/${old?.id}/lifecycle/deactivate`,
      `GET ${secrets}`,
      `DELETE ${secrets}/${old?.id}`,
    ]);
  });

  test("keeps going past a failed app, whose new secret is rolled back", async () => {
    const org = await fleetOrg(secretApps(3), 3);
    const broken = org.appIds[1] as string;
    const old = org.fake.state(broken).secrets;
    const { deploy } = deployer(broken);
    const results = await rotateSecrets(org.okta, org.appIds, { deploy });
    expect(outcomes(results)).toEqual(["rotated", "failed", "rotated"]);
    expect(results[1]?.message).toMatch(/failed at deploy .*rolled back/);
    expect(org.fake.state(broken).secrets).toEqual(old);
    expect(org.throttled()).toBe(0);
  });

  test("--dry-run plans every app and changes nothing", async () => {
    const org = await fleetOrg(
      [...secretApps(2), { tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}, {}] }],
      3,
    );
    const before = org.appIds.map((id) => org.fake.state(id));
    const { journal, written } = memoryJournal();
    const results = await rotateSecrets(org.okta, org.appIds, { dryRun: true, journal } as never);
    expect(outcomes(results)).toEqual(["planned", "planned", "skipped"]);
    expect(results[0]?.report?.steps.map((s) => `${s.status} ${s.action}`)).toEqual([
      "planned create-secret",
      "planned deploy",
      "planned deactivate-secret",
      "planned delete-secret",
    ]);
    expect(org.appIds.map((id) => org.fake.state(id))).toEqual(before);
    expect(written).toEqual([]);
  });

  test("with a grace period: creates and deploys, waits, then retires the old secret", async () => {
    const org = await fleetOrg(secretApps(2), 3);
    const [a] = org.appIds as [string];
    const old = org.fake.state(a).secrets[0]?.id;
    const { deploy, deployed } = deployer();
    const options = { deploy, grace: "24h", now: org.clock.now } as const;
    expect(outcomes(await rotateSecrets(org.okta, org.appIds, options))).toEqual(["created", "created"]);
    const fresh = deployed.get(a)?.[0]?.id;
    expect(org.fake.state(a).secrets.map((s) => [s.id, s.status])).toEqual([
      [old, "ACTIVE"],
      [fresh, "ACTIVE"],
    ]);
    org.clock.advance(23 * 3_600_000);
    const early = await rotateSecrets(org.okta, org.appIds, options);
    expect(outcomes(early)).toEqual(["waiting", "waiting"]);
    expect(org.fake.state(a).secrets).toHaveLength(2);
    org.clock.advance(2 * 3_600_000);
    const late = await rotateSecrets(org.okta, org.appIds, options);
    expect(outcomes(late)).toEqual(["retired", "retired"]);
    expect(late[0]?.report?.steps.map((s) => `${s.status} ${s.action} ${s.target}`)).toEqual([
      `done create-secret ${fresh}`,
      `done deactivate-secret ${old}`,
      `done delete-secret ${old}`,
    ]);
    expect(org.fake.state(a).secrets.map((s) => [s.id, s.status])).toEqual([[fresh, "ACTIVE"]]);
    expect(deployed.get(a)).toHaveLength(1);
    expect(org.throttled()).toBe(0);
  });

  test("leaves two active secrets alone without a grace period", async () => {
    const org = await fleetOrg([{ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}, {}] }]);
    const [result] = await rotateSecrets(org.okta, org.appIds, { deploy: async () => {} });
    expect(result?.outcome).toBe("skipped");
    expect(result?.message).toMatch(/^2 active secrets/);
  });

  test.each([false, true])(
    "resumes after a crash at each journal entry without touching an app twice (grace %s)",
    async (grace) => {
      const total = grace ? 10 : 14;
      for (let crashAfter = 0; crashAfter < total; crashAfter++) {
        const org = await fleetOrg(secretApps(2), 3);
        const original = org.appIds.map((id) => org.fake.state(id).secrets[0]?.id);
        const { deploy, deployed } = deployer();
        const options = {
          deploy,
          concurrency: 1,
          now: org.clock.now,
          ...(grace ? { grace: "1h" as const } : {}),
        };
        const crashed = memoryJournal([], crashAfter);
        await expect(
          rotateSecrets(org.okta, org.appIds, { ...options, journal: crashed.journal }),
        ).rejects.toThrow("crash");
        const finished = new Set(crashed.written.filter((e) => e.event === "end").map((e) => e.appId));
        const resumed = memoryJournal(crashed.written);
        const results = await rotateSecrets(org.okta, org.appIds, { ...options, journal: resumed.journal });
        for (const [i, appId] of org.appIds.entries()) {
          const result = results[i] as AppRotation;
          expect(result.outcome, `crash after ${crashAfter}`).toBe(
            // A first phase done earlier is looked at again: its grace period is not over yet.
            finished.has(appId) ? (grace ? "waiting" : "journaled") : grace ? "created" : "rotated",
          );
          const secrets = org.fake.state(appId).secrets;
          const ids = deployed.get(appId)?.map((s) => s.id);
          // Every deploy of an app, in both runs, was of the one new secret, which Okta holds ACTIVE.
          expect(new Set(ids).size, `crash after ${crashAfter}`).toBe(1);
          expect(secrets.filter((s) => s.id !== original[i]).map((s) => [s.id, s.status])).toEqual([
            [ids?.[0], "ACTIVE"],
          ]);
          expect(secrets.some((s) => s.id === original[i])).toBe(grace);
        }
        expect(org.throttled()).toBe(0);
      }
    },
  );

  test("resumes the second phase after a crash at each journal entry", async () => {
    for (let crashAfter = 0; crashAfter < 8; crashAfter++) {
      const org = await fleetOrg(secretApps(2), 3);
      const { deploy, deployed } = deployer();
      const options = { deploy, concurrency: 1, now: org.clock.now, grace: "1h" as const };
      await rotateSecrets(org.okta, org.appIds, options);
      org.clock.advance(2 * 3_600_000);
      const crashed = memoryJournal([], crashAfter);
      await expect(
        rotateSecrets(org.okta, org.appIds, { ...options, journal: crashed.journal }),
      ).rejects.toThrow("crash");
      const resumed = memoryJournal(crashed.written);
      const results = await rotateSecrets(org.okta, org.appIds, { ...options, journal: resumed.journal });
      const finished = new Set(crashed.written.filter((e) => e.event === "end").map((e) => e.appId));
      expect(outcomes(results), `crash after ${crashAfter}`).toEqual(
        org.appIds.map((id) => (finished.has(id) ? "journaled" : "retired")),
      );
      for (const appId of org.appIds) {
        const fresh = deployed.get(appId)?.[0]?.id;
        expect(org.fake.state(appId).secrets.map((s) => [s.id, s.status])).toEqual([[fresh, "ACTIVE"]]);
        expect(deployed.get(appId)).toHaveLength(1);
      }
      expect(org.throttled()).toBe(0);
    }
  });

  test("checks the options before any request", async () => {
    const org = await fleetOrg(secretApps(1));
    const deploy = async () => {};
    await expect(rotateSecrets(org.okta, org.appIds, { deploy, grace: "1 day" as never })).rejects.toThrow(
      'options.grace must be a duration such as 90d, 24h, 30m or 45s (got "1 day")',
    );
    await expect(rotateSecrets(org.okta, org.appIds, {} as never)).rejects.toThrow(/options.deploy must be/);
    await expect(rotateSecrets(org.okta, org.appIds, { deploy, journal: {} as never })).rejects.toThrow(
      /journal/,
    );
    expect(org.statuses).toEqual([]);
  });
});

describe("rotateKeys", () => {
  test("adds each app's new key, deploys it and retires the old one", async () => {
    const org = await fleetOrg(
      [
        { tokenEndpointAuthMethod: "private_key_jwt", jwks: [await ecJwk("old-a")] },
        { tokenEndpointAuthMethod: "private_key_jwt", jwks: [await ecJwk("old-b")] },
      ],
      2,
    );
    const deployed: string[] = [];
    const results = await rotateKeys(org.okta, org.appIds, {
      newKey: (appId) => ecJwk(`next-${appId}`),
      deploy: async (appId, key) => void deployed.push(`${appId} ${key.kid}`),
    });
    expect(outcomes(results)).toEqual(["rotated", "rotated"]);
    expect(deployed.sort()).toEqual(org.appIds.map((id) => `${id} next-${id}`).sort());
    for (const appId of org.appIds) {
      expect(org.fake.state(appId).jwks.map((k) => [k.kid, k.status])).toEqual([[`next-${appId}`, "ACTIVE"]]);
      // One list decides whether the app is due and plans its rotation; the key is added right after it.
      const requests = org.sent.filter((sent) => sent.includes(appId));
      expect(requests.slice(0, 2)).toEqual([
        `GET ${appId}/credentials/jwks`,
        `POST ${appId}/credentials/jwks`,
      ]);
    }
    expect(org.throttled()).toBe(0);
  });
});
