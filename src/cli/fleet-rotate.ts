import { join } from "node:path";
import type { ClientSecret, Jwk, NewJwk } from "../api/types.js";
import type { AppRotation } from "../fleet/fleet-app.js";
import type { FleetRotationOptions } from "../fleet/fleet-rotation-options.js";
import { rotateKeys, rotateSecrets } from "../fleet/rotate-fleet.js";
import { toOktaJwk } from "../keys/to-okta-jwk.js";
import { progressBar, readAppIds } from "./app-ids.js";
import type { CommandContext, CommandOutput } from "./command.js";
import { runDeployCommand } from "./deploy-command.js";
import { durationFlag } from "./duration-flag.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { openFileJournal } from "./file-journal.js";
import { table } from "./format.js";
import { parseKeyText } from "./read-public-key.js";
import { readTextFile } from "./read-text-file.js";

/** Flags of both fleet rotations. */
export const FLEET_ROTATE_FLAGS = ["apps", "if-older-than", "grace", "journal"] as const;

/** Flags that make `rotate` work on a fleet even for one app. */
const FLEET_FLAGS = [...FLEET_ROTATE_FLAGS, "public-key-dir"] as const;

/** Whether `rotate` runs over many apps: several ids, or any fleet flag (none and no id: a single one, unnamed). */
export function isFleetRotation(context: CommandContext): boolean {
  return context.args.words.length > 3 || FLEET_FLAGS.some((flag) => context.args.flags[flag] !== undefined);
}

/** The options both fleet rotations share, from the flags, checked before any request. */
function fleetOptions<Credential>(
  context: CommandContext,
  env: (credential: Credential) => Record<string, string>,
): FleetRotationOptions<Credential> {
  const { flags } = context.args;
  const command = flags["deploy-cmd"];
  if (!flags["dry-run"] && !(flags.yes && command)) {
    throw new UsageError("a fleet rotation needs --yes and --deploy-cmd (or --dry-run to see the plan)");
  }
  const ifOlderThan = durationFlag(context, "if-older-than");
  const grace = durationFlag(context, "grace");
  const deploy = async (appId: string, credential: Credential) => {
    await runDeployCommand(command as string, context.io.env, { OKTA_APP_ID: appId, ...env(credential) });
  };
  return {
    deploy,
    ifOlderThan,
    grace,
    deleteOld: !flags["keep-old"],
    dryRun: flags["dry-run"] === true,
    journal: flags.journal && !flags["dry-run"] ? openFileJournal(flags.journal) : undefined,
    onProgress: progressBar(context),
  };
}

/** The summary: one line per app, then each plan when it is a dry run; exit 1 when any app failed. */
function summary(results: AppRotation[]): CommandOutput {
  const lines = table(
    ["APP", "OUTCOME", "DETAIL"],
    results.map((r) => [r.appId, r.outcome, r.message]),
  );
  const plans = results.flatMap((r) => (r.outcome === "planned" && r.report ? [String(r.report)] : []));
  const failed = results.filter((r) => r.outcome === "failed").length;
  const counts = `${results.length} app(s), ${failed} failed`;
  return {
    json: results.map(({ appId, outcome, message, report }) => ({ appId, outcome, message, report })),
    text: [lines, ...plans, counts].join("\n\n"),
    exitCode: failed > 0 ? EXIT.apiError : EXIT.ok,
  };
}

/** `rotate secret` over many apps. */
export async function rotateSecretFleet(context: CommandContext): Promise<CommandOutput> {
  const appIds = await readAppIds(context, "rotate secret");
  const options = fleetOptions<ClientSecret>(context, (secret) => ({
    OKTA_NEW_CLIENT_SECRET_ID: secret.id,
    OKTA_NEW_CLIENT_SECRET: secret.client_secret,
  }));
  return summary(await rotateSecrets(context.okta, appIds, options));
}

/** `rotate key` over many apps, each app's new public key read from `--public-key-dir`. */
export async function rotateKeyFleet(context: CommandContext): Promise<CommandOutput> {
  const dir = context.args.flags["public-key-dir"];
  if (!dir)
    throw new UsageError(
      "a fleet key rotation needs --public-key-dir DIR with <appId>.jwk.json or <appId>.pem",
    );
  const appIds = await readAppIds(context, "rotate key");
  const options = fleetOptions<Jwk>(context, (jwk) => ({
    OKTA_NEW_JWK_ID: jwk.id,
    OKTA_NEW_JWK_KID: jwk.kid ?? "",
  }));
  const newKey = (appId: string) => readAppKey(dir, appId);
  return summary(await rotateKeys(context.okta, appIds, { ...options, newKey }));
}

/** An app's new public key: `<appId>.jwk.json` in `dir`, else `<appId>.pem`; an error names the file, not the key. */
async function readAppKey(dir: string, appId: string): Promise<NewJwk> {
  const read = async (path: string) => ({
    path,
    text: await readTextFile(path, (code) => `Cannot read ${path} (${code})`),
  });
  const { path, text } = await read(join(dir, `${appId}.jwk.json`)).catch(() =>
    read(join(dir, `${appId}.pem`)),
  );
  return toOktaJwk(parseKeyText(text, path), { use: "sig" });
}
