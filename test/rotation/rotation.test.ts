import { inspect } from "node:util";
import { describe, expect, test, vi } from "vitest";
import type { ClientSecret, Jwk } from "../../src/index.js";
import {
  createOktaClient,
  isRotationError,
  planJwkRotation,
  planSecretRotation,
  RotationError,
  type RotationStep,
  rotateClientSecret,
  rotateJwk,
} from "../../src/index.js";
import { generateSigningKey } from "../../src/keys/generate-signing-key.js";
import { ecJwk, fakeOrg, rsaJwk } from "../helpers/fake-org.js";

async function rejection(promise: Promise<unknown>): Promise<RotationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RotationError);
  expect(isRotationError(error)).toBe(true);
  return error as RotationError;
}

const steps = (report: { steps: RotationStep[] }) =>
  report.steps.map((s) => `${s.status} ${s.action} ${s.target}`);

describe("rotateClientSecret", () => {
  test("creates a second secret, deploys it, then deactivates and deletes the old one", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      secrets: [{}],
    });
    const old = fake.state(appId).secrets[0]?.id as string;
    const seen: string[] = [];
    const deployed: ClientSecret[] = [];
    const report = await rotateClientSecret(okta, appId, {
      deploy: async (secret) => {
        deployed.push(secret);
        // While deploying, both secrets are active, so clients on either keep working.
        expect(fake.state(appId).secrets.map((s) => s.status)).toEqual(["ACTIVE", "ACTIVE"]);
      },
      onStep: (step) => seen.push(`${step.status} ${step.action}`),
    });
    const fresh = report.secret as ClientSecret;
    expect(deployed).toEqual([fresh]);
    expect(steps(report)).toEqual([
      `done create-secret ${fresh.id}`,
      `done deploy ${fresh.id}`,
      `done deactivate-secret ${old}`,
      `done delete-secret ${old}`,
    ]);
    expect(seen).toEqual([
      "done create-secret",
      "done deploy",
      "done deactivate-secret",
      "done delete-secret",
    ]);
    expect(fake.state(appId).secrets.map((s) => [s.id, s.status, s.client_secret])).toEqual([
      [fresh.id, "ACTIVE", fresh.client_secret],
    ]);
  });

  test("keeps the old secret inactive with deleteOld: false", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_post",
      secrets: [{}],
    });
    const old = fake.state(appId).secrets[0]?.id;
    const report = await rotateClientSecret(okta, appId, { deploy: async () => {}, deleteOld: false });
    expect(fake.state(appId).secrets.map((s) => [s.id, s.status])).toEqual([
      [old, "INACTIVE"],
      [report.secret?.id, "ACTIVE"],
    ]);
  });

  test("asks before each destructive step and stops where the answer is no", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      secrets: [{}],
    });
    const old = fake.state(appId).secrets[0]?.id as string;
    const asked: string[] = [];
    const report = await rotateClientSecret(okta, appId, {
      deploy: async () => {},
      confirm: (step) => {
        asked.push(`${step.action} ${step.target}`);
        return step.action !== "delete-secret";
      },
    });
    const fresh = report.secret?.id as string;
    expect(asked).toEqual([`deactivate-secret ${old}`, `delete-secret ${old}`]);
    expect(steps(report)).toEqual([
      `done create-secret ${fresh}`,
      `done deploy ${fresh}`,
      `done deactivate-secret ${old}`,
      `planned delete-secret ${old}`,
    ]);
    expect(fake.state(appId).secrets.map((s) => [s.id, s.status])).toEqual([
      [old, "INACTIVE"],
      [fresh, "ACTIVE"],
    ]);
  });

  test("stops before any change when two secrets exist, naming the inactive one to delete", async () => {
    const { okta, appId, fake, requests } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      secrets: [{}, { status: "INACTIVE" }],
    });
    const before = fake.state(appId);
    const inactive = before.secrets[1]?.id as string;
    const deploy = vi.fn(async () => {});
    const error = await rejection(rotateClientSecret(okta, appId, { deploy }));
    expect(error.message).toContain(`pass deleteInactive: "${inactive}"`);
    expect(deploy).not.toHaveBeenCalled();
    expect(requests).toEqual([`GET /api/v1/apps/${appId}/credentials/secrets`]);
    expect(fake.state(appId)).toEqual(before);
  });

  test("explains that two active secrets need a manual deactivation first", async () => {
    const { okta, appId } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      secrets: [{}, {}],
    });
    const error = await rejection(planSecretRotation(okta, appId));
    expect(error.message).toMatch(/both are active: move your clients to one of them, deactivate the other/);
  });

  test("deletes the named inactive secret first when two exist", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      secrets: [{}, { status: "INACTIVE" }],
    });
    const [active, inactive] = fake.state(appId).secrets.map((s) => s.id);
    const report = await rotateClientSecret(okta, appId, {
      deploy: async () => {},
      deleteInactive: inactive as string,
    });
    expect(steps(report)).toEqual([
      `done delete-secret ${inactive}`,
      `done create-secret ${report.secret?.id}`,
      `done deploy ${report.secret?.id}`,
      `done deactivate-secret ${active}`,
      `done delete-secret ${active}`,
    ]);
    expect(fake.state(appId).secrets.map((s) => s.id)).toEqual([report.secret?.id]);
    await expect(
      rejection(
        rotateClientSecret(okta, appId, {
          deploy: async () => {},
          deleteInactive: report.secret?.id as string,
        }),
      ),
    ).resolves.toMatchObject({ message: expect.stringContaining("is not an inactive secret") });
  });

  test("rolls back when deploy fails: the app is exactly as before and the cause is kept", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      secrets: [{}],
    });
    const before = fake.state(appId);
    const failure = new Error("vault is sealed");
    let value = "";
    const error = await rejection(
      rotateClientSecret(okta, appId, {
        deploy: async (secret) => {
          value = secret.client_secret;
          throw failure;
        },
      }),
    );
    expect(fake.state(appId)).toEqual(before);
    expect(error.cause).toBe(failure);
    const id = error.report.secret?.id;
    expect(steps(error.report)).toEqual([
      `rolled-back create-secret ${id}`,
      `failed deploy ${id}`,
      `planned deactivate-secret ${before.secrets[0]?.id}`,
      `planned delete-secret ${before.secrets[0]?.id}`,
    ]);
    expect(error.message).toBe(
      `Rotation of the client secret of app ${appId} failed at deploy ${id}; rolled back: the new client secret ${id} was deactivated and deleted (see cause)`,
    );
    expect(value).toHaveLength(64);
    for (const printed of [
      error.message,
      String(error.report),
      JSON.stringify(error.report),
      inspect(error),
    ]) {
      expect(printed).not.toContain(value);
    }
  });

  test("plans without changing anything, in a dry run and with planSecretRotation", async () => {
    const { okta, appId, fake, requests } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      secrets: [{}],
    });
    const before = fake.state(appId);
    const old = before.secrets[0]?.id;
    const deploy = vi.fn(async () => {});
    const dry = await rotateClientSecret(okta, appId, { deploy, dryRun: true });
    const plan = await planSecretRotation(okta, appId, { deleteOld: false });
    expect(steps(dry)).toEqual([
      "planned create-secret (new)",
      "planned deploy (new)",
      `planned deactivate-secret ${old}`,
      `planned delete-secret ${old}`,
    ]);
    expect(steps(plan)).toHaveLength(3);
    expect(dry.dryRun).toBe(true);
    expect(String(dry)).toMatch(/^Plan for the client secret of app/);
    expect(deploy).not.toHaveBeenCalled();
    expect(requests.every((r) => r.startsWith("GET "))).toBe(true);
    expect(fake.state(appId)).toEqual(before);
  });

  test("masks the new secret whenever the report is printed", async () => {
    const { okta, appId } = await fakeOrg({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const report = await rotateClientSecret(okta, appId, { deploy: async () => {} });
    const secret = report.secret as ClientSecret;
    const masked = `******** (64 characters, secret_hash ${secret.secret_hash})`;
    expect(String(report)).toContain(`new secret ${secret.id}: ${masked}`);
    expect(JSON.parse(JSON.stringify(report)).secret.client_secret).toBe(masked);
    expect(inspect(report, { depth: 5 })).toContain(masked);
    for (const printed of [String(report), JSON.stringify(report), inspect(report, { depth: 5 })]) {
      expect(printed).not.toContain(secret.client_secret);
    }
  });

  test("checks its arguments before any request", async () => {
    const { okta, appId, requests } = await fakeOrg({ tokenEndpointAuthMethod: "client_secret_basic" });
    const deploy = async () => {};
    await expect(rotateClientSecret(okta, appId, {} as { deploy: typeof deploy })).rejects.toThrow(
      "options.deploy must be a function",
    );
    await expect(rotateClientSecret(okta, "", { deploy })).rejects.toThrow(TypeError);
    await expect(
      rotateClientSecret(okta, appId, { deploy, deleteOld: "yes" as unknown as boolean }),
    ).rejects.toThrow("options.deleteOld must be a boolean");
    await expect(rotateClientSecret(okta, appId, { deploy, deleteInactive: "a/b" })).rejects.toThrow(
      /secretId/,
    );
    expect(requests).toEqual([]);
  });

  test("counts a step someone did by hand meanwhile as done: Okta holds what it meant to do", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      secrets: [{}],
    });
    const old = fake.state(appId).secrets[0]?.id as string;
    const report = await rotateClientSecret(okta, appId, {
      // Someone deletes the old secret by hand while the new one is being deployed.
      deploy: async () => {
        await okta.secrets.deactivate(appId, old);
        await okta.secrets.delete(appId, old);
      },
    });
    const fresh = report.secret?.id as string;
    expect(steps(report)).toEqual([
      `done create-secret ${fresh}`,
      `done deploy ${fresh}`,
      `done deactivate-secret ${old}`,
      `done delete-secret ${old}`,
    ]);
    expect(fake.state(appId).secrets.map((s) => s.id)).toEqual([fresh]);
  });

  test("reports a failed Okta step without undoing the deployed secret", async () => {
    const { fake, appId } = await fakeOrg({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const old = fake.state(appId).secrets[0]?.id as string;
    // Okta fails the old secret's deactivation without doing it.
    const okta = createOktaClient({
      orgUrl: "https://fake.okta.test",
      auth: { type: "apiToken", token: "test-token" },
      retry: false,
      fetch: (request) =>
        request.url.endsWith(`/secrets/${old}/lifecycle/deactivate`)
          ? Promise.resolve(new Response(null, { status: 503 }))
          : fake.fetch(request),
    });
    const error = await rejection(rotateClientSecret(okta, appId, { deploy: async () => {} }));
    const fresh = error.report.secret?.id as string;
    expect(error.message).toContain(`failed at deactivate-secret ${old}; nothing was undone`);
    expect(steps(error.report)).toEqual([
      `done create-secret ${fresh}`,
      `done deploy ${fresh}`,
      `failed deactivate-secret ${old}`,
      `planned delete-secret ${old}`,
    ]);
    expect(fake.state(appId).secrets.map((s) => [s.id, s.status])).toEqual([
      [old, "ACTIVE"],
      [fresh, "ACTIVE"],
    ]);
  });
});

describe("rotateJwk", () => {
  test("adds the new key, deploys it, then retires every other active signing key and leaves encryption keys alone", async () => {
    const old = await rsaJwk("old", "sig");
    const enc = await rsaJwk("enc", "enc");
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "private_key_jwt",
      idTokenEncryption: true,
      jwks: [old, enc],
    });
    const oldId = fake.state(appId).jwks[0]?.id as string;
    const { publicJwk } = await generateSigningKey({ alg: "ES384" });
    const deployed: Jwk[] = [];
    const report = await rotateJwk(okta, appId, publicJwk, {
      deploy: async (key) => void deployed.push(key),
    });
    const fresh = report.key as Jwk;
    expect(deployed).toEqual([fresh]);
    expect(fresh).toMatchObject({ kid: publicJwk.kid, alg: "ES384", status: "ACTIVE" });
    expect(steps(report)).toEqual([
      `done add-key ${fresh.id}`,
      `done deploy ${fresh.id}`,
      `done deactivate-key ${oldId}`,
      `done delete-key ${oldId}`,
    ]);
    expect(fake.state(appId).jwks.map((k) => [k.kid, k.use, k.status])).toEqual([
      ["enc-enc", "enc", "ACTIVE"],
      [publicJwk.kid, "sig", "ACTIVE"],
    ]);
    expect(String(report)).toContain(`new key ${fresh.id}: kid ${publicJwk.kid}, ES384`);
  });

  test("rolls back when deploy fails, leaving the key set exactly as before", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: [await ecJwk("a")],
    });
    const before = fake.state(appId);
    const error = await rejection(
      rotateJwk(okta, appId, await ecJwk("b"), {
        deploy: async () => {
          throw new Error("signer did not restart");
        },
      }),
    );
    expect(fake.state(appId)).toEqual(before);
    expect(error.report.steps.map((s) => s.status)).toEqual(["rolled-back", "failed", "planned", "planned"]);
  });

  test("says so when the rollback itself is refused (the new key was the app's only one)", async () => {
    const { okta, appId, fake } = await fakeOrg({ tokenEndpointAuthMethod: "private_key_jwt" });
    const error = await rejection(
      rotateJwk(okta, appId, await ecJwk("first"), {
        deploy: async () => {
          throw new Error("no");
        },
      }),
    );
    const id = error.report.key?.id;
    expect(error.message).toContain(`rolling back failed: the new signing key ${id} is still on the app`);
    expect(fake.state(appId).jwks.map((k) => k.id)).toEqual([id]);
  });

  test("refuses encryption keys, private members, a missing kid and an inactive key before any request", async () => {
    const { okta, appId, requests } = await fakeOrg({ tokenEndpointAuthMethod: "private_key_jwt" });
    const deploy = async () => {};
    const ec = await ecJwk("k");
    await expect(rotateJwk(okta, appId, await rsaJwk("e", "enc"), { deploy })).rejects.toThrow(
      'newKey.use must be "sig"',
    );
    await expect(
      rotateJwk(okta, appId, { ...ec, d: "c2VjcmV0" } as unknown as typeof ec, { deploy }),
    ).rejects.toThrow("newJwk contains private key material (d)");
    const { kid: _kid, ...noKid } = ec;
    await expect(rotateJwk(okta, appId, noKid as typeof ec, { deploy })).rejects.toThrow(
      "newKey.kid is required",
    );
    await expect(rotateJwk(okta, appId, { ...ec, status: "INACTIVE" }, { deploy })).rejects.toThrow(
      "newKey.status",
    );
    expect(requests).toEqual([]);
  });

  test("stops before any change when a key has no kid or the kid is taken", async () => {
    const { kid: _kid, ...noKid } = await ecJwk("x");
    const withoutKid = await fakeOrg({
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: [noKid as Jwk & { kid?: string }],
    });
    const first = await rejection(planJwkRotation(withoutKid.okta, withoutKid.appId, await ecJwk("y")));
    expect(first.message).toMatch(/has no kid, and Okta adds no key until it has one$/);
    const taken = await fakeOrg({ tokenEndpointAuthMethod: "private_key_jwt", jwks: [await ecJwk("same")] });
    const before = taken.fake.state(taken.appId);
    const second = await rejection(
      rotateJwk(taken.okta, taken.appId, await ecJwk("same"), { deploy: async () => {} }),
    );
    expect(second.message).toMatch(/kid same is already used by key pks\w+ \(ACTIVE\)/);
    expect(taken.fake.state(taken.appId)).toEqual(before);
  });

  test("plans without changing anything", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: [await ecJwk("a"), await ecJwk("b")],
    });
    const before = fake.state(appId);
    const [a, b] = before.jwks.map((k) => k.id);
    const plan = await planJwkRotation(okta, appId, await ecJwk("c"), { deleteOld: false });
    expect(steps(plan)).toEqual([
      "planned add-key (new)",
      "planned deploy (new)",
      `planned deactivate-key ${a}`,
      `planned deactivate-key ${b}`,
    ]);
    expect(fake.state(appId)).toEqual(before);
  });
});
