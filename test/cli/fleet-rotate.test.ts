import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { run } from "../../src/cli/run.js";
import { generateSigningKey } from "../../src/keys/generate-signing-key.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { type FakeOktaServer, serveFakeOkta } from "../../src/testing/node.js";
import { recordingIo } from "../helpers/cli-io.js";

let fake: FakeOkta;
let server: FakeOktaServer;
let dir: string;

beforeAll(async () => {
  fake = await createFakeOkta({ rateLimit: { limit: 100, windowMs: 60_000 } });
  server = await serveFakeOkta(fake);
  dir = await mkdtemp(join(tmpdir(), "okta-fleet-cli-"));
});

afterAll(async () => {
  await server.close();
});

async function appsFile(name: string, count: number): Promise<{ file: string; appIds: string[] }> {
  const appIds: string[] = [];
  for (let i = 0; i < count; i++) {
    appIds.push(await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] }));
  }
  const file = join(dir, name);
  await writeFile(file, `${appIds.join("\n")}\n`);
  return { file, appIds };
}

describe("okta-app-credentials rotate secret --apps", () => {
  test("--dry-run prints the plan of every app and changes nothing", async () => {
    const { file, appIds } = await appsFile("dry.txt", 2);
    const before = appIds.map((id) => fake.state(id));
    const cli = recordingIo(server.url);
    expect(await run(["rotate", "secret", "--apps", file, "--dry-run"], cli.io)).toBe(0);
    for (const appId of appIds) expect(cli.stdout()).toContain(`Plan for the client secret of app ${appId}`);
    expect(cli.stdout()).toContain("2 app(s), 0 failed");
    expect(appIds.map((id) => fake.state(id))).toEqual(before);
  });

  test("rotates every app with the deploy command, journals it, and a rerun touches none", async () => {
    const { file, appIds } = await appsFile("apps.txt", 3);
    const deployed = join(dir, "deployed.txt");
    const journal = join(dir, "run.jsonl");
    const args = ["rotate", "secret", "--apps", file, "--journal", journal, "--yes"];
    const cmd = `echo "$OKTA_APP_ID $OKTA_NEW_CLIENT_SECRET_ID" >> ${deployed}; test "$OKTA_APP_ID" != ${appIds[1]}`;
    const first = recordingIo(server.url);
    expect(await run([...args, "--deploy-cmd", cmd], first.io)).toBe(1);
    expect(first.stdout()).toMatch(new RegExp(`${appIds[0]}\\s+rotated`));
    expect(first.stdout()).toMatch(new RegExp(`${appIds[1]}\\s+failed\\s+.*--deploy-cmd failed`));
    expect(first.stdout()).toContain("3 app(s), 1 failed");
    const lines = (await readFile(deployed, "utf8")).trim().split("\n");
    expect(lines.map((line) => line.split(" ")[0]).sort()).toEqual([...appIds].sort());
    for (const appId of [appIds[0], appIds[2]] as string[]) {
      const [secret] = fake.state(appId).secrets;
      expect(lines).toContain(`${appId} ${secret?.id}`);
    }
    expect(fake.state(appIds[1] as string).secrets).toHaveLength(1);
    const again = recordingIo(server.url);
    expect(await run([...args, "--deploy-cmd", "exit 9", "--json"], again.io)).toBe(0);
    const results = JSON.parse(again.stdout()) as { outcome: string }[];
    expect(results.map((r) => r.outcome)).toEqual(["journaled", "journaled", "journaled"]);
  });

  test("refuses a fleet rotation without --yes and --deploy-cmd, and names a bad --grace", async () => {
    const { file } = await appsFile("refused.txt", 1);
    const cli = recordingIo(server.url);
    expect(await run(["rotate", "secret", "--apps", file], cli.io)).toBe(2);
    expect(cli.stderr()).toContain("a fleet rotation needs --yes and --deploy-cmd");
    const bad = recordingIo(server.url);
    expect(await run(["rotate", "secret", "--apps", file, "--grace", "a day", "--dry-run"], bad.io)).toBe(2);
    expect(bad.stderr()).toContain("--grace must be a duration");
  });

  test("rotate key --apps reads each app's new key from --public-key-dir", async () => {
    const keys = join(dir, "next-keys");
    await mkdir(keys);
    const appIds: string[] = [];
    for (const alg of ["ES256", "RS256"] as const) {
      const old = await generateSigningKey({ alg });
      const appId = await fake.addApp({ tokenEndpointAuthMethod: "private_key_jwt", jwks: [old.publicJwk] });
      const next = await generateSigningKey({ alg });
      await writeFile(join(keys, `${appId}.jwk.json`), JSON.stringify(next.publicJwk));
      appIds.push(appId);
    }
    const missing = await fake.addApp({
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: [(await generateSigningKey()).publicJwk],
    });
    const cli = recordingIo(server.url);
    const args = [
      "rotate",
      "key",
      ...appIds,
      missing,
      "--public-key-dir",
      keys,
      "--yes",
      "--deploy-cmd",
      "true",
    ];
    expect(await run(args, cli.io)).toBe(1);
    for (const appId of appIds) {
      const kid = (JSON.parse(await readFile(join(keys, `${appId}.jwk.json`), "utf8")) as { kid: string })
        .kid;
      expect(fake.state(appId).jwks.map((k) => [k.kid, k.status])).toEqual([[kid, "ACTIVE"]]);
    }
    expect(cli.stdout()).toMatch(
      new RegExp(`${missing}\\s+failed\\s+Cannot read .*${missing}\\.pem \\(ENOENT\\)`),
    );
    expect(fake.state(missing).jwks).toHaveLength(1);
  });

  test("a broken JWK file in --public-key-dir is named, and none of its text is shown", async () => {
    const keys = join(dir, "broken-keys");
    await mkdir(keys);
    const appId = await fake.addApp({
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: [(await generateSigningKey()).publicJwk],
    });
    const file = join(keys, `${appId}.jwk.json`);
    await writeFile(file, '{"kty":"RSA","d":"cHJpdmF0ZS1leHBvbmVudA" "n":"x"}');
    const cli = recordingIo(server.url);
    expect(await run(["rotate", "key", appId, "--public-key-dir", keys, "--dry-run"], cli.io)).toBe(1);
    expect(cli.stdout()).toMatch(
      new RegExp(`${appId}\\s+failed\\s+${file} looks like JSON but is not a JSON Web Key\n`),
    );
    expect(cli.stdout()).not.toMatch(/cHJpdmF0|position/);
  });
});
