import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const MAIN = new URL("../../src/cli/main.ts", import.meta.url).pathname;

/** Runs `main.ts` from source (through tsx) with its stdout closed by the reader before it writes anything. */
function runWithClosedStdout(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // As `| head -1` does once it has its line: the CLI's next write meets a closed pipe (EPIPE).
  child.stdout.destroy();
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

describe("main", () => {
  test("stops quietly when the reader closes stdout, with the command's own exit code", async () => {
    // One app the mock org does not hold: audit reports it unreadable, a finding (exit 4).
    expect(await runWithClosedStdout(["audit", "0oaNotInTheMockOrg", "--mock"])).toEqual({
      code: 4,
      stderr: "",
    });
  });
});
