import { appendFileSync, readFileSync } from "node:fs";
import type { FleetJournal, JournalEntry } from "../fleet/fleet-journal.js";
import { ConfigError } from "./exit-codes.js";

/**
 * A fleet journal in `path`, one JSON object per line, created with mode 600 when missing. Each entry is written
 * with a synchronous append, so it is in the file before the run goes on; a last line cut short by a crash is
 * ignored when the file is read back.
 * @throws {ConfigError} when the file cannot be read or holds something else.
 */
export function openFileJournal(path: string): FleetJournal {
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new ConfigError(`Cannot read --journal ${path} (${(error as NodeJS.ErrnoException).code})`);
    }
  }
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const entries = lines.flatMap((line, i) => {
    try {
      return [JSON.parse(line) as JournalEntry];
    } catch {
      if (i === lines.length - 1 && !text.endsWith("\n")) return [];
      throw new ConfigError(`--journal ${path} line ${i + 1} is not a journal entry`);
    }
  });
  // A torn last line is ended, so the next entry starts on a line of its own.
  if (text !== "" && !text.endsWith("\n")) appendFileSync(path, "\n");
  return {
    entries,
    append: (entry) => appendFileSync(path, `${JSON.stringify(entry)}\n`, { mode: 0o600 }),
  };
}
