import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateSigningKey } from "../../src/keys/generate-signing-key.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { type FakeOktaServer, serveFakeOkta } from "../../src/testing/node.js";
import { addSecretAndKeyApp } from "../helpers/fake-org.js";
import { runCli } from "../helpers/run-cli.js";

const TOKEN = "00cliTestApiToken_never_printed";
let fake: FakeOkta;
let server: FakeOktaServer;
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  fake = await createFakeOkta({ tokens: [TOKEN] });
  server = await serveFakeOkta(fake);
  env = { OKTA_CLIENT_ORGURL: server.url, OKTA_CLIENT_TOKEN: TOKEN };
  dir = await mkdtemp(join(tmpdir(), "okta-cli-"));
});

afterAll(async () => {
  await server.close();
});

const newApp = () => addSecretAndKeyApp(fake);

describe("okta-app-credentials CLI against a fake Okta on loopback", () => {
  test("lists secrets as a table with the secret masked", async () => {
    const appId = await newApp();
    const [secret] = fake.state(appId).secrets;
    const { code, stdout, stderr } = await runCli(["secrets", "list", appId], env);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout.split("\n")[0]).toMatch(/^ID\s+STATUS\s+CLIENT SECRET\s+CREATED$/);
    expect(stdout).toContain(`${secret?.id}  ACTIVE  ********`);
    expect(stdout).not.toContain(secret?.client_secret);
  });

  test("--show-secret prints the secret, and --json is one complete JSON document", async () => {
    const appId = await newApp();
    const [secret] = fake.state(appId).secrets;
    const shown = await runCli(["secrets", "list", appId, "--json", "--show-secret"], env);
    expect(shown.code).toBe(0);
    const parsed = JSON.parse(shown.stdout) as { id: string; client_secret: string; _links: object }[];
    expect(parsed).toEqual([
      expect.objectContaining({ id: secret?.id, client_secret: secret?.client_secret }),
    ]);
    const masked = JSON.parse(
      (await runCli(["secrets", "list", appId, "--json"], env)).stdout,
    ) as typeof parsed;
    expect(masked[0]?.client_secret).toMatch(/^\*{8} \(\d+ characters, secret_hash /);
    expect(JSON.stringify(masked)).not.toContain(secret?.client_secret);
  });

  test("deactivates, reactivates, deactivates and deletes a key by its Okta id, printing each result", async () => {
    const key = await generateSigningKey({ alg: "ES256" });
    const added = await fake.addApp({ tokenEndpointAuthMethod: "none", jwks: [key.publicJwk] });
    const keyId = fake.state(added).jwks[0]?.id as string;
    const deactivated = await runCli(["jwks", "deactivate", added, keyId, "--json"], env);
    // One key, so one JSON object (lists stay arrays).
    expect(JSON.parse(deactivated.stdout)).toEqual(
      expect.objectContaining({ id: keyId, status: "INACTIVE" }),
    );
    const activated = await runCli(["jwks", "activate", added, keyId], env);
    expect(activated.stdout.split("\n")[1]).toMatch(
      new RegExp(`^${keyId}\\s+ACTIVE\\s+sig\\s+EC P-256\\s+ES256\\s`),
    );
    await runCli(["jwks", "deactivate", added, keyId], env);
    expect(await runCli(["jwks", "delete", added, keyId], env)).toEqual({
      code: 0,
      stdout: `Deleted key ${keyId}\n`,
      stderr: "",
    });
    expect(fake.state(added).jwks).toEqual([]);
  });

  test("deletes an inactive secret, and --json names what it deleted", async () => {
    const appId = await fake.addApp({
      tokenEndpointAuthMethod: "client_secret_basic",
      secrets: [{}, { status: "INACTIVE" }],
    });
    const inactive = fake.state(appId).secrets[1]?.id as string;
    const { code, stdout } = await runCli(["secrets", "delete", appId, inactive, "--json"], env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ deleted: inactive });
    expect(fake.state(appId).secrets.map((s) => s.status)).toEqual(["ACTIVE"]);
  });

  test("a 404 exits 1 with status, errorCode, summary and errorId on one stderr line", async () => {
    const appId = await newApp();
    const { code, stdout, stderr } = await runCli(["jwks", "get", appId, "pksDoesNotExist0001"], env);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^error: 404 E0000007 Not found: Resource not found: pksDoesNotExist0001 \(JsonWebKey\) errorId=\S+\n$/,
    );
  });

  test("a token Okta rejects exits 3 and is not printed", async () => {
    const wrong = "00wrongTokenThatMustNotBePrinted";
    const { code, stderr } = await runCli(["jwks", "list", await newApp()], {
      ...env,
      OKTA_CLIENT_TOKEN: wrong,
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/^error: 401 E0000011/);
    expect(stderr).not.toContain(wrong);
  });

  test("adds a key from a PEM file, sending only its public half", async () => {
    const appId = await newApp();
    const next = await generateSigningKey({ alg: "RS256" });
    const file = join(dir, `${appId}.pem`);
    await writeFile(file, next.privateKeyPem);
    const { code, stdout } = await runCli(
      ["jwks", "add", appId, "--public-key", file, "--inactive", "--json"],
      env,
    );
    expect(code).toBe(0);
    const added = JSON.parse(stdout) as { kid: string; status: string; kty: string; d?: string };
    expect(added).toMatchObject({ kid: next.publicJwk.kid, status: "INACTIVE", kty: "RSA" });
    expect(added.d).toBeUndefined();
    expect(fake.state(appId).jwks).toHaveLength(2);
  });

  test("refuses to rotate without a terminal and without --yes, changing nothing", async () => {
    const appId = await newApp();
    const before = fake.state(appId);
    const { code, stderr } = await runCli(["rotate", "secret", appId], env);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "rotate deactivates and deletes credentials: run it on a terminal to confirm each step, or pass --yes",
    );
    expect(fake.state(appId)).toEqual(before);
  });

  test("--dry-run prints the plan and changes nothing", async () => {
    const appId = await newApp();
    const before = fake.state(appId);
    const { code, stdout } = await runCli(["rotate", "secret", appId, "--dry-run", "--json"], env);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as { dryRun: boolean; steps: { action: string; status: string }[] };
    expect(plan.dryRun).toBe(true);
    expect(plan.steps.map((s) => `${s.status} ${s.action}`)).toEqual([
      "planned create-secret",
      "planned deploy",
      "planned deactivate-secret",
      "planned delete-secret",
    ]);
    expect(fake.state(appId)).toEqual(before);
  });

  test("rotates the secret with --yes and a deploy command that receives the new secret", async () => {
    const appId = await newApp();
    const old = fake.state(appId).secrets[0]?.id;
    const captured = join(dir, `${appId}.secret`);
    const { code, stdout, stderr } = await runCli(
      [
        "rotate",
        "secret",
        appId,
        "--yes",
        "--deploy-cmd",
        `printf %s "$OKTA_NEW_CLIENT_SECRET" > ${captured}`,
      ],
      env,
    );
    expect(code).toBe(0);
    const [fresh] = fake.state(appId).secrets;
    expect(fake.state(appId).secrets.map((s) => s.status)).toEqual(["ACTIVE"]);
    expect(fresh?.id).not.toBe(old);
    expect(await readFile(captured, "utf8")).toBe(fresh?.client_secret);
    expect(stdout).toContain(`done        delete-secret     ${old}`);
    expect(stdout + stderr).not.toContain(fresh?.client_secret);
    expect(stderr).toContain(`done        deactivate-secret ${old}`);
  });

  test("rolls the rotation back when the deploy command fails", async () => {
    const appId = await newApp();
    const before = fake.state(appId);
    const { code, stderr } = await runCli(
      ["rotate", "secret", appId, "--yes", "--deploy-cmd", "exit 7"],
      env,
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/failed at deploy .*rolled back/);
    expect(fake.state(appId).secrets.map((s) => [s.id, s.status])).toEqual(
      before.secrets.map((s) => [s.id, s.status]),
    );
  });

  test("keygen then rotate key: the app ends with only the new key active", async () => {
    const appId = await newApp();
    const out = join(dir, `keys-${appId}`);
    const generated = await runCli(["keygen", "--alg", "ES384", "--out", out, "--json"]);
    expect(generated.code).toBe(0);
    const { kid } = JSON.parse(generated.stdout) as { kid: string };
    expect((await stat(join(out, "private-key.pem"))).mode & 0o777).toBe(0o600);
    const rotated = await runCli(
      [
        "rotate",
        "key",
        appId,
        "--public-key",
        join(out, "public-key.jwk.json"),
        "--yes",
        "--deploy-cmd",
        "true",
      ],
      env,
    );
    expect(rotated.code).toBe(0);
    expect(fake.state(appId).jwks.map((k) => [k.kid, k.status])).toEqual([[kid, "ACTIVE"]]);
  });

  test("--mock works with no configuration at all", async () => {
    const { code, stdout } = await runCli(["jwks", "list", "0oa8kg3bp0aQ7nD0x5d7", "--mock", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ kty: "RSA", use: "sig", alg: "RS256", status: "ACTIVE" }),
    ]);
  });
});
