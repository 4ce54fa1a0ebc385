import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateSigningKey } from "../../src/keys/generate-signing-key.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { type FakeOktaServer, serveFakeOkta } from "../../src/testing/node.js";
import { runCli } from "../helpers/run-cli.js";
import { attackTally } from "./attack-tally.js";

const tally = attackTally("deploy command environment");

const TOKEN = "00deployEnvAdminToken_never_inherited";
// Settings of the admin's own Okta access that a deploy script has no use for.
const ADMIN = {
  OKTA_CLIENT_AUTHORIZATIONMODE: "SSWS",
  OKTA_CLIENT_CLIENTID: "0oa9svcAdminClientId",
  OKTA_CLIENT_PRIVATEKEY:
    "-----BEGIN PRIVATE KEY-----\nadminPrivateKeyNeverInherited\n-----END PRIVATE KEY-----",
  OKTA_CLIENT_KEYID: "adminKeyIdNeverInherited",
  OKTA_CLIENT_SCOPES: "okta.apps.manage",
  OKTA_CLIENT_PROXY_PASSWORD: "adminProxyPasswordNeverInherited",
  okta_client_token: "lowerCaseTokenNeverInherited",
};

let fake: FakeOkta;
let server: FakeOktaServer;
let dir: string;

beforeAll(async () => {
  fake = await createFakeOkta({ tokens: [TOKEN] });
  server = await serveFakeOkta(fake);
  dir = await mkdtemp(join(tmpdir(), "okta-deploy-env-"));
});

afterAll(async () => {
  await server.close();
});

/** Rotates with a deploy command that writes its whole environment to a file; returns that environment. */
async function deployedEnvironment(args: readonly string[]): Promise<Record<string, string>> {
  const captured = join(dir, `${args.join("-").replace(/\W/g, "")}.env`);
  const env = { OKTA_CLIENT_ORGURL: server.url, OKTA_CLIENT_TOKEN: TOKEN, KEEP_ME: "yes", ...ADMIN };
  const run = await runCli([...args, "--yes", "--deploy-cmd", `env -0 > ${captured}`], env);
  expect(run.code).toBe(0);
  const pairs = (await readFile(captured, "utf8")).split("\0").filter(Boolean);
  return Object.fromEntries(
    pairs.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
  );
}

describe("a deploy command never receives the admin's Okta credentials", () => {
  test("rotate secret: the new secret's variables, the org URL, the rest of the environment, no OKTA_CLIENT_*", async () => {
    tally.attack();
    const appId = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const env = await deployedEnvironment(["rotate", "secret", appId]);
    const [fresh] = fake.state(appId).secrets;
    expect(env.OKTA_NEW_CLIENT_SECRET).toBe(fresh?.client_secret);
    expect(env.OKTA_NEW_CLIENT_SECRET_ID).toBe(fresh?.id);
    expect(env.KEEP_ME).toBe("yes");
    expect(Object.keys(env).filter((name) => /^okta_client_/i.test(name))).toEqual(["OKTA_CLIENT_ORGURL"]);
    tally.expectNoLeak(env, [TOKEN, ...Object.values(ADMIN).filter((value) => value.length > 20)]);
  });

  test("rotate key: the new key's variables and no OKTA_CLIENT_* but the org URL", async () => {
    tally.attack();
    const old = await generateSigningKey({ alg: "ES256" });
    const next = await generateSigningKey({ alg: "ES256" });
    const appId = await fake.addApp({ tokenEndpointAuthMethod: "private_key_jwt", jwks: [old.publicJwk] });
    const file = join(dir, `${appId}.jwk.json`);
    await writeFile(file, JSON.stringify(next.publicJwk));
    const env = await deployedEnvironment(["rotate", "key", appId, "--public-key", file]);
    expect(env.OKTA_NEW_JWK_KID).toBe(next.publicJwk.kid);
    expect(env.OKTA_NEW_JWK_ID).toBe(fake.state(appId).jwks[0]?.id);
    expect(Object.keys(env).filter((name) => /^okta_client_/i.test(name))).toEqual(["OKTA_CLIENT_ORGURL"]);
    tally.expectNoLeak(env, [TOKEN, ADMIN.OKTA_CLIENT_PRIVATEKEY, ADMIN.OKTA_CLIENT_PROXY_PASSWORD]);
  });
});
