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

/** Flags only some commands take, with what a command's `--help` says of each. */
const COMMAND_FLAGS = {
  yes: { type: "boolean", short: "y", help: "do not ask before destructive steps (needs --deploy-cmd)" },
  "dry-run": { type: "boolean", help: "print the plan and change nothing" },
  "public-key": {
    type: "string",
    help: "FILE with the key: PEM public key, certificate or private key (only its public half is sent), or a JWK",
  },
  use: { type: "string", help: "sig (default) or enc" },
  kid: { type: "string", help: "the key's kid (default: the JWK's own, else its RFC 7638 thumbprint)" },
  alg: { type: "string", help: "the algorithm, e.g. RS256 or ES256 (keygen default: ES256)" },
  inactive: { type: "boolean", help: "create it INACTIVE" },
  "secret-file": { type: "string", help: "FILE holding the secret to supply (not on the command line)" },
  "keep-old": { type: "boolean", help: "deactivate the old credential but do not delete it" },
  "delete-inactive": {
    type: "string",
    help: "ID of the inactive secret to delete first when the app has two",
  },
  "deploy-cmd": {
    type: "string",
    help:
      "shell command that deploys the new credential; it gets OKTA_NEW_CLIENT_SECRET[_ID] or OKTA_NEW_JWK_ID/_KID " +
      "and this environment minus every OKTA_CLIENT_* variable but OKTA_CLIENT_ORGURL",
  },
  out: { type: "string", help: "DIR to write private-key.pem and public-key.jwk.json into" },
  app: { type: "string", help: "APP_ID of the app to check" },
  lifecycle: {
    type: "boolean",
    help: "also create, activate, deactivate and delete one secret and one key, restoring the app",
  },
  "yes-disposable-app": { type: "string", help: "APP_ID again: confirms --lifecycle may change that app" },
  "secret-out": {
    type: "string",
    help: "FILE to write the new secret to (created with mode 600, never overwritten) instead of the terminal",
  },
  apps: { type: "string", help: "FILE with app ids, one per line (- reads standard input)" },
  "max-secret-age": { type: "string", help: "finding: an active secret older than this (default 90d)" },
  "max-key-age": { type: "string", help: "finding: an active key older than this (default 365d)" },
  "max-inactive-age": {
    type: "string",
    help: "finding: an inactive credential unchanged this long (default 30d)",
  },
  "min-rsa-bits": { type: "string", help: "finding: an RSA key with fewer bits (default 2048)" },
  "if-older-than": {
    type: "string",
    help: "rotate only apps whose newest active credential is older (e.g. 90d)",
  },
  grace: {
    type: "string",
    help: "two phases: create and deploy now, keep the old one active, retire it on a run after this (e.g. 24h)",
  },
  journal: {
    type: "string",
    help: "FILE recording each app's steps as they happen; a rerun resumes from it",
  },
  "public-key-dir": {
    type: "string",
    help: "DIR holding each app's new public key as <appId>.jwk.json or <appId>.pem (fleet key rotation)",
  },
} as const;

/** Every flag the CLI knows, for `node:util` `parseArgs` (which ignores `help`). */
export const FLAGS = { ...GLOBAL, ...COMMAND_FLAGS } as const;

/** A flag only some commands take. */
export type CommandFlag = keyof typeof COMMAND_FLAGS;

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
 * `--private-key -----BEGIN …` as `--private-key=-----BEGIN …`: `parseArgs` refuses a value that starts with a dash
 * as ambiguous, but a PEM pasted with `"$(cat key.pem)"` is plainly the key.
 */
function joinPemValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (arg === "--private-key" && next !== undefined && /^\s*-----BEGIN/.test(next)) {
      out.push(`--private-key=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Refuses a string flag given twice: `parseArgs` would silently keep the last value. */
function checkRepeats(tokens: ReturnType<typeof parseStrict>["tokens"]): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== "option" || token.value === undefined) continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given more than once; give it once`);
    seen.add(token.name);
  }
}

function parseStrict(args: string[]) {
  return parseArgs({ args, options: FLAGS, allowPositionals: true, strict: true, tokens: true });
}

/**
 * Parses argv strictly: an unknown flag, a value missing after a string flag or a string flag given twice is a
 * usage error.
 * @throws {UsageError}
 */
export function parse(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseStrict>;
  try {
    parsed = parseStrict(joinPemValues(argv));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
  checkRepeats(parsed.tokens);
  return { words: parsed.positionals, flags: parsed.values };
}
