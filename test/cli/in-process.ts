import { run } from "../../src/cli/run.js";

/** What one in-process run of the CLI printed, and the code it ended with. */
export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI from source in this process, with only `env` as its environment and no terminal. */
export async function runInProcess(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env,
    interactive: false,
    confirm: async () => false,
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
}
