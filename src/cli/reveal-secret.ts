import { access, writeFile } from "node:fs/promises";
import type { ClientSecret } from "../api/types.js";
import type { CommandContext } from "./command.js";
import { ConfigError, UsageError } from "./exit-codes.js";

/**
 * Checks `--secret-out FILE` before any request: the file must not exist, since it is never overwritten.
 * @throws {UsageError} when it exists.
 */
export async function checkSecretOut(context: CommandContext): Promise<void> {
  const file = context.args.flags["secret-out"];
  if (file === undefined) return;
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) throw new UsageError(`--secret-out ${file} exists already; it is never overwritten`);
}

/** Writes the secret's value alone to `file`, created with mode 600 and O_EXCL (`wx`): never over another file. */
export async function writeSecretOut(file: string, secret: ClientSecret): Promise<void> {
  try {
    await writeFile(file, `${secret.client_secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new ConfigError(
      `Cannot write --secret-out ${file} (${code}${code === "EEXIST" ? ": it exists" : ""})`,
    );
  }
}

/**
 * How a person at the terminal gets the new secret to deploy it: written to `--secret-out FILE`, or shown once in
 * the question itself, with `--show-secret` or after they agree to a warning. Never written to a log or stdout.
 * Resolves to the question to ask, or throws when they refuse to see it (the rotation then rolls back).
 */
export async function secretDeployQuestion(context: CommandContext, secret: ClientSecret): Promise<string> {
  const { args, io } = context;
  const file = args.flags["secret-out"];
  const what = `client secret ${secret.id}`;
  if (file !== undefined) {
    await writeSecretOut(file, secret);
    return `The new ${what} is in ${file} (mode 600). Deploy it to its clients now. Done?`;
  }
  const agreed =
    args.flags["show-secret"] === true ||
    (await io.confirm(
      `The new ${what} will be shown once, here (anyone who can see this screen or its scrollback can read it; --secret-out FILE avoids that). Show it?`,
    ));
  if (!agreed) throw new Error("the new secret was not shown, so it cannot have been deployed");
  return `New ${what}: ${secret.client_secret}\nDeploy it to its clients now. Done?`;
}
