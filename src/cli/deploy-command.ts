import { spawn } from "node:child_process";

// The CLI's own Okta settings: the admin's credentials (token, private key, client id, key id, scopes, mode) and any
// other `OKTA_CLIENT_*` variable Okta's SDKs read (a proxy password among them). Only the org's URL is passed on.
const ADMIN_SETTING = /^OKTA_CLIENT_/i;
const PASSED_ON = new Set(["OKTA_CLIENT_ORGURL"]);

/**
 * The environment of a deploy command: the CLI's environment without its `OKTA_CLIENT_*` variables (but
 * `OKTA_CLIENT_ORGURL`), plus the new credential's variables.
 */
export function deployEnvironment(
  inherited: Readonly<Record<string, string | undefined>>,
  credential: Readonly<Record<string, string>>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(inherited)) {
    if (value !== undefined && (!ADMIN_SETTING.test(name) || PASSED_ON.has(name.toUpperCase())))
      env[name] = value;
  }
  return { ...env, ...credential };
}

/**
 * Runs the user's `--deploy-cmd` through the shell with {@link deployEnvironment}, inheriting the terminal's
 * output streams, and resolves when it exits 0.
 * @throws {Error} naming the exit code (never the environment) when it fails.
 */
export function runDeployCommand(
  command: string,
  inherited: Readonly<Record<string, string | undefined>>,
  credential: Readonly<Record<string, string>>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // stdout stays the CLI's own (one JSON document with --json), so the command's output goes to stderr.
    const child = spawn(command, {
      shell: true,
      stdio: ["ignore", process.stderr, process.stderr],
      env: deployEnvironment(inherited, credential),
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`--deploy-cmd failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
