import { readFile } from "node:fs/promises";
import type { NewClientSecret, NewJwk } from "../api/types.js";
import type { Command, CommandContext, CommandOutput } from "./command.js";
import { ConfigError, UsageError } from "./exit-codes.js";
import { keysTable, presentSecret, secretsTable } from "./format.js";
import { booleanFlag, stringFlag } from "./parse.js";
import { readPublicKey } from "./read-public-key.js";

const APP = "0oa8kg3bp0aQ7nD0x5d7";

function keys(result: Parameters<typeof keysTable>[0]): CommandOutput {
  return { json: result, text: keysTable(result) };
}

function secrets(context: CommandContext, result: Parameters<typeof secretsTable>[0]): CommandOutput {
  const shown = result.map((secret) => presentSecret(secret, booleanFlag(context.args, "show-secret")));
  return { json: shown, text: secretsTable(shown) };
}

async function readSecretFile(path: string): Promise<string> {
  try {
    return (await readFile(path, "utf8")).replace(/\r?\n$/, "");
  } catch (error) {
    throw new ConfigError(
      `Cannot read --secret-file ${path}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
}

async function newSecretFrom(context: CommandContext): Promise<NewClientSecret> {
  const file = stringFlag(context.args, "secret-file");
  return {
    ...(file ? { client_secret: await readSecretFile(file) } : {}),
    ...(booleanFlag(context.args, "inactive") ? { status: "INACTIVE" as const } : {}),
  };
}

async function newJwkFrom(context: CommandContext): Promise<NewJwk> {
  const file = stringFlag(context.args, "public-key");
  if (!file) throw new UsageError("'jwks add' needs --public-key FILE");
  const use = stringFlag(context.args, "use") ?? "sig";
  if (use !== "sig" && use !== "enc") throw new UsageError('--use must be "sig" or "enc"');
  return readPublicKey(file, {
    use,
    kid: stringFlag(context.args, "kid"),
    alg: stringFlag(context.args, "alg"),
    status: booleanFlag(context.args, "inactive") ? "INACTIVE" : undefined,
  });
}

/** The twelve operations as `jwks …` and `secrets …` subcommands. */
export const CREDENTIAL_COMMANDS: readonly Command[] = [
  {
    words: ["jwks", "list"],
    params: ["appId"],
    flags: [],
    summary: "List the app's JSON Web Keys",
    examples: [`okta-app-credentials jwks list ${APP}`, `okta-app-credentials jwks list ${APP} --json`],
    run: async (c) => keys(await c.okta.jwks.list(c.params.appId as string)),
  },
  {
    words: ["jwks", "get"],
    params: ["appId", "keyId"],
    flags: [],
    summary: "Show one key by its Okta id (pks…)",
    examples: [`okta-app-credentials jwks get ${APP} pks2f4zrZbs8nUa7p0g4`],
    run: async (c) => keys([await c.okta.jwks.get(c.params.appId as string, c.params.keyId as string)]),
  },
  {
    words: ["jwks", "add"],
    params: ["appId"],
    flags: ["public-key", "use", "kid", "alg", "inactive"],
    summary: "Add a public key from a PEM or JWK file",
    examples: [
      `okta-app-credentials jwks add ${APP} --public-key ./next.pub.pem --kid signing-2026 --inactive`,
    ],
    run: async (c) => keys([await c.okta.jwks.add(c.params.appId as string, await newJwkFrom(c))]),
  },
  {
    words: ["jwks", "activate"],
    params: ["appId", "keyId"],
    flags: [],
    summary: "Activate a key",
    examples: [`okta-app-credentials jwks activate ${APP} pks2f4zrZbs8nUa7p0g4`],
    run: async (c) => keys([await c.okta.jwks.activate(c.params.appId as string, c.params.keyId as string)]),
  },
  {
    words: ["jwks", "deactivate"],
    params: ["appId", "keyId"],
    flags: [],
    summary: "Deactivate a key",
    examples: [`okta-app-credentials jwks deactivate ${APP} pks2f4zrZbs8nUa7p0g4`],
    run: async (c) =>
      keys([await c.okta.jwks.deactivate(c.params.appId as string, c.params.keyId as string)]),
  },
  {
    words: ["jwks", "delete"],
    params: ["appId", "keyId"],
    flags: [],
    summary: "Delete an inactive key",
    examples: [`okta-app-credentials jwks delete ${APP} pks2f4zrZbs8nUa7p0g4`],
    run: async (c) => {
      await c.okta.jwks.delete(c.params.appId as string, c.params.keyId as string);
      return { json: { deleted: c.params.keyId }, text: `Deleted key ${c.params.keyId}` };
    },
  },
  {
    words: ["secrets", "list"],
    params: ["appId"],
    flags: [],
    summary: "List the app's client secrets (masked unless --show-secret)",
    examples: [`okta-app-credentials secrets list ${APP}`, `okta-app-credentials secrets list ${APP} --json`],
    run: async (c) => secrets(c, await c.okta.secrets.list(c.params.appId as string)),
  },
  {
    words: ["secrets", "get"],
    params: ["appId", "secretId"],
    flags: [],
    summary: "Show one secret by its Okta id (ocs…)",
    examples: [`okta-app-credentials secrets get ${APP} ocs2f4zrZbs8nUa7p0g4 --show-secret`],
    run: async (c) =>
      secrets(c, [await c.okta.secrets.get(c.params.appId as string, c.params.secretId as string)]),
  },
  {
    words: ["secrets", "create"],
    params: ["appId"],
    flags: ["secret-file", "inactive"],
    summary: "Create a secret (generated by Okta unless --secret-file)",
    examples: [
      `okta-app-credentials secrets create ${APP}`,
      `okta-app-credentials secrets create ${APP} --secret-file ./new-secret.txt --inactive`,
    ],
    run: async (c) =>
      secrets(c, [await c.okta.secrets.create(c.params.appId as string, await newSecretFrom(c))]),
  },
  {
    words: ["secrets", "activate"],
    params: ["appId", "secretId"],
    flags: [],
    summary: "Activate a secret",
    examples: [`okta-app-credentials secrets activate ${APP} ocs2f4zrZbs8nUa7p0g4`],
    run: async (c) =>
      secrets(c, [await c.okta.secrets.activate(c.params.appId as string, c.params.secretId as string)]),
  },
  {
    words: ["secrets", "deactivate"],
    params: ["appId", "secretId"],
    flags: [],
    summary: "Deactivate a secret",
    examples: [`okta-app-credentials secrets deactivate ${APP} ocs2f4zrZbs8nUa7p0g4`],
    run: async (c) =>
      secrets(c, [await c.okta.secrets.deactivate(c.params.appId as string, c.params.secretId as string)]),
  },
  {
    words: ["secrets", "delete"],
    params: ["appId", "secretId"],
    flags: [],
    summary: "Delete an inactive secret",
    examples: [`okta-app-credentials secrets delete ${APP} ocs2f4zrZbs8nUa7p0g4`],
    run: async (c) => {
      await c.okta.secrets.delete(c.params.appId as string, c.params.secretId as string);
      return { json: { deleted: c.params.secretId }, text: `Deleted secret ${c.params.secretId}` };
    },
  },
];
