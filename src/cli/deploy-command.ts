import { spawn } from "node:child_process";

/**
 * Runs the user's `--deploy-cmd` through the shell with the new credential in its environment, inheriting the
 * terminal's output streams, and resolves when it exits 0.
 * @throws {Error} naming the exit code (never the environment) when it fails.
 */
export function runDeployCommand(command: string, env: Readonly<Record<string, string>>): Promise<void> {
  return new Promise((resolve, reject) => {
    // stdout stays the CLI's own (one JSON document with --json), so the command's output goes to stderr.
    const child = spawn(command, {
      shell: true,
      stdio: ["ignore", process.stderr, process.stderr],
      env: { ...process.env, ...env },
    });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`--deploy-cmd failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
