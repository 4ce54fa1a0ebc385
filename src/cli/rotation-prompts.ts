import type { ClientSecret, Jwk } from "../api/types.js";
import type { RotationStep } from "../rotation/rotation-report.js";
import type { RotationOptions } from "../rotation/run-rotation.js";
import type { CommandContext } from "./command.js";
import { runDeployCommand } from "./deploy-command.js";
import { UsageError } from "./exit-codes.js";
import { secretDeployQuestion, writeSecretOut } from "./reveal-secret.js";

/** What a person is asked before each destructive step. */
const QUESTION: Readonly<Record<string, string>> = {
  "deactivate-secret": "Deactivate client secret",
  "delete-secret": "Delete client secret",
  "deactivate-key": "Deactivate key",
  "delete-key": "Delete key",
};

/** Refuses to change credentials where nobody can confirm, unless `--yes` says so up front. */
export function checkConsent(context: CommandContext): void {
  if (context.args.flags.yes || context.io.interactive) return;
  throw new UsageError(
    "rotate deactivates and deletes credentials: run it on a terminal to confirm each step, or pass --yes (--dry-run shows the plan)",
  );
}

/** Progress on stderr, and a question before each destructive step unless `--yes`. */
export function stepHooks({
  args,
  io,
}: CommandContext): Pick<RotationOptions<unknown>, "onStep" | "confirm"> {
  const onStep = (step: Readonly<RotationStep>) =>
    io.err(`  ${step.status.padEnd(11)} ${step.action} ${step.target}\n`);
  if (args.flags.yes) return { onStep };
  return { onStep, confirm: (step) => io.confirm(`${QUESTION[step.action] ?? step.action} ${step.target}?`) };
}

/** How the new credential reaches its clients: `--deploy-cmd`, or a person who says it has. */
export function deployer<Credential extends ClientSecret | Jwk>(
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
