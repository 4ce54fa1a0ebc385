import type { CliIo } from "../../src/cli/io.js";

/** An in-process CLI io against `orgUrl`, recording stdout, stderr and progress lines; no terminal unless `tty`. */
export function recordingIo(
  orgUrl: string,
  options: { tty?: boolean; stdin?: string; answers?: boolean[] } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const asked: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: { OKTA_CLIENT_ORGURL: orgUrl, OKTA_CLIENT_TOKEN: "cli-fleet-token" },
    interactive: options.tty === true,
    confirm: async (question) => {
      asked.push(question);
      return options.answers?.shift() ?? false;
    },
    ...(options.tty ? { progress: (line: string) => progress.push(line) } : {}),
    ...(options.stdin !== undefined ? { readStdin: async () => options.stdin as string } : {}),
  };
  return { io, out, err, progress, asked, stdout: () => out.join(""), stderr: () => err.join("") };
}
