import type { CommandContext } from "./command.js";
import { UsageError } from "./exit-codes.js";
import { readTextFile } from "./read-text-file.js";

/**
 * The app ids a fleet command works on: its positional arguments, then those of `--apps FILE` (`-` for standard
 * input), one per line; blank lines and `#` comments are skipped.
 * @throws {UsageError} when there is none.
 */
export async function readAppIds(context: CommandContext, command: string): Promise<string[]> {
  const { args, io } = context;
  const ids = args.words.slice(command.split(" ").length);
  const file = args.flags.apps;
  if (file !== undefined) {
    const text =
      file === "-"
        ? await (io.readStdin?.() ?? Promise.resolve(""))
        : await readTextFile(file, (code) => `Cannot read --apps ${file} (${code})`);
    for (const line of text.split(/\r?\n/)) {
      const id = line.replace(/#.*/, "").trim();
      if (id) ids.push(id);
    }
  }
  if (ids.length === 0)
    throw new UsageError(`'${command}' needs app ids: as arguments, or --apps FILE (- for stdin)`);
  return ids;
}

/** Progress for the fleet library's `onProgress`: a bar on stderr when it is a terminal, nothing otherwise. */
export function progressBar(context: CommandContext) {
  const show = context.io.progress;
  if (!show) return undefined;
  return ({ done, total }: { done: number; total: number }) => {
    const filled = Math.round((done / total) * 30);
    show(done === total ? "" : `[${"#".repeat(filled)}${".".repeat(30 - filled)}] ${done}/${total} apps`);
  };
}
