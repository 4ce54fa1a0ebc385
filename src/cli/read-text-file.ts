import { readFile } from "node:fs/promises";
import { ConfigError } from "./exit-codes.js";

/** Reads a UTF-8 file the user named. @throws {ConfigError} `message(code)`, given the errno code (`ENOENT`…). */
export async function readTextFile(path: string, message: (code: string) => string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new ConfigError(message((error as NodeJS.ErrnoException).code ?? "error"));
  }
}
