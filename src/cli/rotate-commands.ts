import type { ClientSecret, Jwk } from "../api/types.js";
import { rotateClientSecret } from "../rotation/rotate-client-secret.js";
import { rotateJwk } from "../rotation/rotate-jwk.js";
import type { RotationReport, RotationStep } from "../rotation/rotation-report.js";
import type { RotationOptions } from "../rotation/run-rotation.js";
import type { Command, CommandContext, CommandOutput } from "./command.js";
import { runDeployCommand } from "./deploy-command.js";
import { UsageError } from "./exit-codes.js";
import { isFleetRotation, rotateKeyFleet, rotateSecretFleet } from "./fleet-rotate.js";
import { MOCK_APP_ID } from "./mock-org.js";
import { readPublicKey } from "./read-public-key.js";
import { checkSecretOut, secretDeployQuestion, writeSecretOut } from "./reveal-secret.js";

/** What a person is asked before each destructive step. */
const QUESTION: Readonly<Record<string, string>> = {
  "deactivate-secret": "Deactivate client secret",
  "delete-secret": "Delete client secret",
  "deactivate-key": "Deactivate key",
  "delete-key": "Delete key",
};

function report(context: CommandContext, result: RotationReport): CommandOutput {
  const json = result.toJSON() as Record<string, unknown>;
  if (!result.secret || !context.args.flags["show-secret"]) return { json, text: String(result) };
  return {
    json: { ...json, secret: result.secret },
    text: `${result}\n  client_secret: ${result.secret.client_secret}`,
  };
}

/** Refuses to change credentials where nobody can confirm, unless `--yes` says so up front. */
function checkConsent(context: CommandContext): void {
  if (context.args.flags.yes || context.io.interactive) return;
  throw new UsageError(
    "rotate deactivates and deletes credentials: run it on a terminal to confirm each step, or pass --yes (--dry-run shows the plan)",
  );
}

/** Progress on stderr, and a question before each destructive step unless `--yes`. */
function stepHooks({ args, io }: CommandContext): Pick<RotationOptions<unknown>, "onStep" | "confirm"> {
  const onStep = (step: Readonly<RotationStep>) =>
    io.err(`  ${step.status.padEnd(11)} ${step.action} ${step.target}\n`);
  if (args.flags.yes) return { onStep };
  return { onStep, confirm: (step) => io.confirm(`${QUESTION[step.action] ?? step.action} ${step.target}?`) };
}

/** How the new credential reaches its clients: `--deploy-cmd`, or a person who says it has. */
function deployer<Credential extends ClientSecret | Jwk>(
  context: CommandContext,
  env: (credential: Credential) => Record<string, string>,
): (credential: Credential) => Promise<void> {
  const command = context.args.flags["deploy-cmd"];
  const file = context.args.flags["secret-out"];
  if (command) {
    return async (credential) => {
      if (file !== undefined && "client_secret" in credential) await writeSecretOut(file, credential);
      await runDeployCommand(command, context.io.env, env(credential));
    };
  }
  if (context.args.flags.yes) {
    throw new UsageError(
      "--yes needs --deploy-cmd: the new credential must reach its clients before the old one goes",
    );
  }
  return async (credential) => {
    const question =
      "client_secret" in credential
        ? await secretDeployQuestion(context, credential)
        : `Deploy the new key ${credential.id} (kid ${credential.kid}) to its clients now. Done?`;
    if (!(await context.io.confirm(question))) {
      throw new Error("the new credential was not deployed");
    }
  };
}

/** Plans a rotation with `--dry-run`; otherwise, with consent, runs it with progress, questions and deploy. */
async function rotate<Credential extends ClientSecret | Jwk>(
  context: CommandContext,
  start: (options: RotationOptions<Credential>) => Promise<RotationReport>,
  env: (credential: Credential) => Record<string, string>,
): Promise<CommandOutput> {
  const deleteOld = !context.args.flags["keep-old"];
  if (context.args.flags["dry-run"]) {
    return report(context, await start({ deleteOld, dryRun: true, deploy: async () => {} }));
  }
  checkConsent(context);
  await checkSecretOut(context);
  return report(context, await start({ deleteOld, ...stepHooks(context), deploy: deployer(context, env) }));
}

/** The one app of a single rotation: `rotate secret|key <appId>`. */
function singleApp(context: CommandContext): string {
  const appId = context.args.words[2];
  if (appId === undefined) {
    throw new UsageError(`'${context.args.words.join(" ")}' needs <appId> (or --apps FILE for many apps)`);
  }
  return appId;
}

function rotateSecret(context: CommandContext): Promise<CommandOutput> {
  if (isFleetRotation(context)) return rotateSecretFleet(context);
  const appId = singleApp(context);
  const deleteInactive = context.args.flags["delete-inactive"];
  return rotate<ClientSecret>(
    context,
    (options) =>
      rotateClientSecret(context.okta, appId, { ...options, ...(deleteInactive ? { deleteInactive } : {}) }),
    (secret) => ({ OKTA_NEW_CLIENT_SECRET_ID: secret.id, OKTA_NEW_CLIENT_SECRET: secret.client_secret }),
  );
}

async function rotateKey(context: CommandContext): Promise<CommandOutput> {
  if (isFleetRotation(context)) return rotateKeyFleet(context);
  // `rotate key` takes no --use or --inactive, so the key is an active signing key.
  const key = await readPublicKey(context.args, "rotate key");
  return rotate<Jwk>(
    context,
    (options) => rotateJwk(context.okta, singleApp(context), key, options),
    (jwk) => ({ OKTA_NEW_JWK_ID: jwk.id, OKTA_NEW_JWK_KID: jwk.kid ?? "" }),
  );
}

const FLEET_ROTATE_FLAGS = ["apps", "if-older-than", "grace", "journal"] as const;

/** `rotate secret` and `rotate key`: the rotation workflows, step by step, for one app or many. */
export const ROTATE_COMMANDS: readonly Command[] = [
  {
    words: ["rotate", "secret"],
    params: [],
    variadic: true,
    flags: [
      "keep-old",
      "delete-inactive",
      "dry-run",
      "yes",
      "deploy-cmd",
      "secret-out",
      ...FLEET_ROTATE_FLAGS,
    ],
    summary: "Rotate the client secret of one app, or of many (--apps): create, deploy, retire the old one",
    examples: [
      `okta-app-credentials rotate secret ${MOCK_APP_ID} --dry-run`,
      `okta-app-credentials rotate secret ${MOCK_APP_ID} --yes --deploy-cmd './store-secret.sh'`,
      "okta-app-credentials rotate secret --apps apps.txt --if-older-than 90d --grace 24h --journal run.jsonl --yes --deploy-cmd ./store.sh",
    ],
    run: rotateSecret,
  },
  {
    words: ["rotate", "key"],
    params: [],
    variadic: true,
    flags: [
      "public-key",
      "kid",
      "alg",
      "keep-old",
      "dry-run",
      "yes",
      "deploy-cmd",
      ...FLEET_ROTATE_FLAGS,
      "public-key-dir",
    ],
    summary: "Rotate the signing key: add the new public key, deploy, retire the old ones",
    examples: [
      `okta-app-credentials rotate key ${MOCK_APP_ID} --public-key ./next.pub.pem --dry-run`,
      `okta-app-credentials rotate key ${MOCK_APP_ID} --public-key ./next.pub.pem --yes --deploy-cmd './use-kid.sh'`,
    ],
    run: rotateKey,
  },
];
