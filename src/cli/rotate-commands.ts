import type { ClientSecret, Jwk } from "../api/types.js";
import { rotateClientSecret } from "../rotation/rotate-client-secret.js";
import { rotateJwk } from "../rotation/rotate-jwk.js";
import type { RotationReport } from "../rotation/rotation-report.js";
import type { RotationOptions } from "../rotation/run-rotation.js";
import type { Command, CommandContext, CommandOutput } from "./command.js";
import { UsageError } from "./exit-codes.js";
import { FLEET_ROTATE_FLAGS, isFleetRotation, rotateKeyFleet, rotateSecretFleet } from "./fleet-rotate.js";
import { MOCK_APP_ID } from "./mock-org.js";
import { readPublicKey } from "./read-public-key.js";
import { checkSecretOut } from "./reveal-secret.js";
import { checkConsent, deployer, stepHooks } from "./rotation-prompts.js";

function report(context: CommandContext, result: RotationReport): CommandOutput {
  const json = result.toJSON() as Record<string, unknown>;
  if (!result.secret || !context.args.flags["show-secret"]) return { json, text: String(result) };
  return {
    json: { ...json, secret: result.secret },
    text: `${result}\n  client_secret: ${result.secret.client_secret}`,
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
  const appId = singleApp(context);
  // `rotate key` takes no --use or --inactive, so the key is an active signing key.
  const key = await readPublicKey(context.args, "rotate key");
  return rotate<Jwk>(
    context,
    (options) => rotateJwk(context.okta, appId, key, options),
    (jwk) => ({ OKTA_NEW_JWK_ID: jwk.id, OKTA_NEW_JWK_KID: jwk.kid ?? "" }),
  );
}

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
