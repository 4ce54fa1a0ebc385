import type { ClientSecret, Jwk } from "../api/types.js";
import type { OktaClient } from "../client.js";
import { planSecretRotation, rotateClientSecret } from "../rotation/rotate-client-secret.js";
import { planJwkRotation, rotateJwk } from "../rotation/rotate-jwk.js";
import type { RotationReport, RotationStep } from "../rotation/rotation-report.js";
import type { Command, CommandContext, CommandOutput } from "./command.js";
import { runDeployCommand } from "./deploy-command.js";
import { UsageError } from "./exit-codes.js";
import { booleanFlag, stringFlag } from "./parse.js";
import { readPublicKey } from "./read-public-key.js";

const APP = "0oa8kg3bp0aQ7nD0x5d7";

/** What a person is asked before each destructive step. */
const QUESTION: Readonly<Record<string, string>> = {
  "deactivate-secret": "Deactivate client secret",
  "delete-secret": "Delete client secret",
  "deactivate-key": "Deactivate key",
  "delete-key": "Delete key",
};

function report(context: CommandContext, result: RotationReport): CommandOutput {
  const json = result.toJSON() as Record<string, unknown>;
  if (result.secret && booleanFlag(context.args, "show-secret")) json.secret = result.secret;
  const shown =
    result.secret && booleanFlag(context.args, "show-secret")
      ? `\n  client_secret: ${result.secret.client_secret}`
      : "";
  return { json, text: `${String(result)}${shown}` };
}

/** Refuses to change credentials where nobody can confirm, unless `--yes` says so up front. */
function checkConsent(context: CommandContext): void {
  if (booleanFlag(context.args, "yes") || context.io.interactive) return;
  throw new UsageError(
    "rotate deactivates and deletes credentials: run it on a terminal to confirm each step, or pass --yes (--dry-run shows the plan)",
  );
}

/** Progress on stderr, and a question before each destructive step unless `--yes`. */
function stepHooks(context: CommandContext) {
  const { io } = context;
  return {
    onStep: (step: Readonly<RotationStep>) =>
      io.err(`  ${step.status.padEnd(11)} ${step.action} ${step.target}\n`),
    ...(booleanFlag(context.args, "yes")
      ? {}
      : {
          confirm: (step: Readonly<RotationStep>) =>
            io.confirm(`${QUESTION[step.action] ?? step.action} ${step.target}?`),
        }),
  };
}

/** How the new credential reaches its clients: `--deploy-cmd`, or a person who says it has. */
function deployer<Credential extends ClientSecret | Jwk>(
  context: CommandContext,
  env: (credential: Credential) => Record<string, string>,
): (credential: Credential) => Promise<void> {
  const command = stringFlag(context.args, "deploy-cmd");
  if (command) return (credential) => runDeployCommand(command, env(credential));
  if (booleanFlag(context.args, "yes")) {
    throw new UsageError(
      "--yes needs --deploy-cmd: the new credential must reach its clients before the old one goes",
    );
  }
  return async (credential) => {
    const what =
      "client_secret" in credential
        ? `client secret ${credential.id}`
        : `key ${credential.id} (kid ${credential.kid})`;
    if (!(await context.io.confirm(`Deploy the new ${what} to its clients now. Done?`))) {
      throw new Error("the new credential was not deployed");
    }
  };
}

async function rotateSecret(
  context: CommandContext,
  okta: OktaClient,
  appId: string,
): Promise<CommandOutput> {
  const deleteInactive = stringFlag(context.args, "delete-inactive");
  const common = {
    deleteOld: !booleanFlag(context.args, "keep-old"),
    ...(deleteInactive ? { deleteInactive } : {}),
  };
  if (booleanFlag(context.args, "dry-run"))
    return report(context, await planSecretRotation(okta, appId, common));
  checkConsent(context);
  const deploy = deployer<ClientSecret>(context, (secret) => ({
    OKTA_NEW_CLIENT_SECRET_ID: secret.id,
    OKTA_NEW_CLIENT_SECRET: secret.client_secret,
  }));
  return report(context, await rotateClientSecret(okta, appId, { ...common, ...stepHooks(context), deploy }));
}

async function rotateKey(context: CommandContext, okta: OktaClient, appId: string): Promise<CommandOutput> {
  const file = stringFlag(context.args, "public-key");
  if (!file) throw new UsageError("'rotate key' needs --public-key FILE");
  const key = await readPublicKey(file, {
    use: "sig",
    kid: stringFlag(context.args, "kid"),
    alg: stringFlag(context.args, "alg"),
  });
  const common = { deleteOld: !booleanFlag(context.args, "keep-old") };
  if (booleanFlag(context.args, "dry-run"))
    return report(context, await planJwkRotation(okta, appId, key, common));
  checkConsent(context);
  const deploy = deployer<Jwk>(context, (jwk) => ({
    OKTA_NEW_JWK_ID: jwk.id,
    OKTA_NEW_JWK_KID: jwk.kid ?? "",
  }));
  return report(context, await rotateJwk(okta, appId, key, { ...common, ...stepHooks(context), deploy }));
}

/** `rotate secret` and `rotate key`: the rotation workflows, step by step. */
export const ROTATE_COMMANDS: readonly Command[] = [
  {
    words: ["rotate", "secret"],
    params: ["appId"],
    flags: ["keep-old", "delete-inactive", "dry-run", "yes", "deploy-cmd"],
    summary: "Rotate the client secret: create, deploy, deactivate and delete the old one",
    examples: [
      `okta-app-credentials rotate secret ${APP} --dry-run`,
      `okta-app-credentials rotate secret ${APP} --yes --deploy-cmd './store-secret.sh'`,
    ],
    run: (c) => rotateSecret(c, c.okta, c.params.appId as string),
  },
  {
    words: ["rotate", "key"],
    params: ["appId"],
    flags: ["public-key", "kid", "alg", "keep-old", "dry-run", "yes", "deploy-cmd"],
    summary: "Rotate the signing key: add the new public key, deploy, retire the old ones",
    examples: [
      `okta-app-credentials rotate key ${APP} --public-key ./next.pub.pem --dry-run`,
      `okta-app-credentials rotate key ${APP} --public-key ./next.pub.pem --yes --deploy-cmd './use-kid.sh'`,
    ],
    run: (c) => rotateKey(c, c.okta, c.params.appId as string),
  },
];
