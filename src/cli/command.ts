import type { Operation } from "../api/operations.js";
import type { OktaClient } from "../client.js";
import type { CliIo } from "./io.js";
import type { CommandFlag, ParsedArgs } from "./parse.js";

/** What a command hands back: the JSON document for `--json`, and the text for people. */
export interface CommandOutput {
  readonly json: unknown;
  readonly text: string;
  /** The exit code, when the command did its work but has something to report (findings, failed apps). @default 0 */
  readonly exitCode?: number;
}

/** What a command runs with. */
export interface CommandContext {
  /** The command's positional arguments by name. */
  readonly params: Readonly<Record<string, string>>;
  readonly args: ParsedArgs;
  readonly io: CliIo;
  /** The configured client; commands marked `offline` get none and must not touch it. */
  readonly okta: OktaClient;
}

/** One subcommand, described as data: its words, arguments, flags, help and behaviour. */
export interface Command {
  /** The words that select it, such as `["jwks", "list"]`. */
  readonly words: readonly string[];
  /** Names of its positional arguments, all required. */
  readonly params: readonly string[];
  /** Set when it takes any number of positional arguments (app ids), read from `args.words`; `params` is empty. */
  readonly variadic?: true;
  /** Flags it takes besides the global ones. */
  readonly flags: readonly CommandFlag[];
  /** One line for the command list. */
  readonly summary: string;
  /** Example command lines for `--help`. */
  readonly examples: readonly string[];
  /** The Okta operation it calls, for its help. */
  readonly operation?: Operation;
  /** Set for commands that need no Okta org (such as `keygen`): no configuration is read. */
  readonly offline?: true;
  run(context: CommandContext): Promise<CommandOutput>;
}
