import { parseArgs } from "node:util";
import { UsageError } from "./exit-codes.js";

/** Flags every command accepts. */
const GLOBAL = {
  "org-url": { type: "string" },
  token: { type: "string" },
  "client-id": { type: "string" },
  "private-key": { type: "string" },
  "key-id": { type: "string" },
  scopes: { type: "string" },
  mock: { type: "boolean" },
  json: { type: "boolean" },
  "show-secret": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** Every flag the CLI knows, for `node:util` `parseArgs`. */
export const FLAGS = {
  ...GLOBAL,
  yes: { type: "boolean", short: "y" },
  "dry-run": { type: "boolean" },
  "public-key": { type: "string" },
  use: { type: "string" },
  kid: { type: "string" },
  alg: { type: "string" },
  inactive: { type: "boolean" },
  "secret-file": { type: "string" },
  "keep-old": { type: "boolean" },
  "delete-inactive": { type: "string" },
  "deploy-cmd": { type: "string" },
  out: { type: "string" },
} as const;

/** A flag's name, without the leading dashes. */
export type FlagName = keyof typeof FLAGS;

/** The names of the flags every command accepts. */
export const GLOBAL_FLAGS: ReadonlySet<string> = new Set(Object.keys(GLOBAL));

/** The parsed command line. */
export interface ParsedArgs {
  /** The words that name the command, then its arguments. */
  readonly words: readonly string[];
  /** The flags given, by name: a string flag's value, or `true` for a boolean flag. */
  readonly flags: {
    readonly [Name in FlagName]?: (typeof FLAGS)[Name]["type"] extends "string" ? string : boolean;
  };
}

/**
 * Parses argv strictly: an unknown flag or a value missing after a string flag is a usage error.
 * @throws {UsageError}
 */
export function parse(argv: readonly string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: FLAGS,
      allowPositionals: true,
      strict: true,
    });
    return { words: positionals, flags: values };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
}
