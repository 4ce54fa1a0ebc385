/**
 * The command line against a fake Okta served on 127.0.0.1: list credentials, generate and add a key, rotate the
 * client secret and the signing key, printing each command and what it prints.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIo } from "../src/cli/io.js";
import { createDemoOrg, MOCK_APP_ID } from "../src/cli/mock-org.js";
import { run } from "../src/cli/run.js";
import { serveFakeOkta } from "../src/testing/node.js";

const APP_ID = MOCK_APP_ID;

async function cli(env: Record<string, string>, ...args: string[]): Promise<void> {
  console.log(`\n$ okta-app-credentials ${args.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(" ")}`);
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stdout.write(text),
    env,
    interactive: false,
    confirm: async () => false,
  };
  const code = await run(args, io);
  if (code !== 0) throw new Error(`okta-app-credentials ${args.join(" ")} exited with ${code}`);
}

/** Runs the walk-through against a fake Okta it serves and stops. */
export async function cliWalkthrough(): Promise<void> {
  const server = await serveFakeOkta(await createDemoOrg());
  const dir = await mkdtemp(join(tmpdir(), "okta-app-credentials-demo-"));
  const env = { OKTA_CLIENT_ORGURL: server.url, OKTA_CLIENT_TOKEN: "demo-api-token" };
  console.log(`Fake Okta at ${server.url} (OKTA_CLIENT_ORGURL), app ${APP_ID}`);
  try {
    await cli(env, "secrets", "list", APP_ID);
    await cli(env, "jwks", "list", APP_ID);
    await cli(env, "keygen", "--alg", "ES256", "--out", join(dir, "spare"));
    await cli(
      env,
      "jwks",
      "add",
      APP_ID,
      "--public-key",
      join(dir, "spare", "public-key.jwk.json"),
      "--kid",
      "spare-2026",
      "--inactive",
    );
    await cli(env, "rotate", "secret", APP_ID, "--dry-run");
    await cli(
      env,
      "rotate",
      "secret",
      APP_ID,
      "--yes",
      "--deploy-cmd",
      'echo "  (deploy) storing $OKTA_NEW_CLIENT_SECRET_ID in the secret store"',
    );
    await cli(env, "keygen", "--alg", "ES256", "--out", join(dir, "next"));
    await cli(
      env,
      "rotate",
      "key",
      APP_ID,
      "--public-key",
      join(dir, "next", "public-key.jwk.json"),
      "--yes",
      "--deploy-cmd",
      'echo "  (deploy) signing with kid $OKTA_NEW_JWK_KID from now on"',
    );
    await cli(env, "jwks", "list", APP_ID);
    await cli(env, "secrets", "list", APP_ID);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
