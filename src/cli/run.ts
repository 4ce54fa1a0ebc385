import type { OktaClient } from "../client.js";
import { isRotationError } from "../rotation/rotation-error.js";
import { VERSION } from "../version.js";
import { AUDIT_COMMAND } from "./audit-command.js";
import type { Command } from "./command.js";
import { createCliClient } from "./config.js";
import { CREDENTIAL_COMMANDS } from "./credential-commands.js";
import { describeError } from "./describe-error.js";
import { EXIT, exitCodeFor, UsageError } from "./exit-codes.js";
import { commandHelp, mainHelp } from "./help.js";
import type { CliIo } from "./io.js";
import { KEYGEN_COMMAND } from "./keygen-command.js";
import { type CommandFlag, GLOBAL_FLAGS, type ParsedArgs, parse } from "./parse.js";
import { printable, printableJson, printableLines } from "./printable.js";
import { ROTATE_COMMANDS } from "./rotate-commands.js";
import { VERIFY_COMMAND } from "./verify-command.js";

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  ...CREDENTIAL_COMMANDS,
  ...ROTATE_COMMANDS,
  AUDIT_COMMAND,
  KEYGEN_COMMAND,
  VERIFY_COMMAND,
];

function checkFlags(command: Command, args: ParsedArgs): void {
  for (const flag of Object.keys(args.flags)) {
    if (!GLOBAL_FLAGS.has(flag) && !command.flags.includes(flag as CommandFlag)) {
      throw new UsageError(`--${flag} is not an option of '${command.words.join(" ")}'`);
    }
  }
}

function bindParams(command: Command, args: ParsedArgs): Record<string, string> {
  if (command.variadic) return {};
  const values = args.words.slice(command.words.length);
  if (values.length < command.params.length) {
    throw new UsageError(`'${command.words.join(" ")}' needs <${command.params[values.length]}>`);
  }
  if (values.length > command.params.length) {
    throw new UsageError(
      `'${command.words.join(" ")}' takes ${command.params.length} argument(s); got ${values.length}`,
    );
  }
  return Object.fromEntries(command.params.map((name, i) => [name, values[i] as string]));
}

/** Stands in for the client of a command that needs none; touching it is a programming error. */
function offlineClient(): OktaClient {
  return new Proxy({} as OktaClient, {
    get() {
      throw new Error("this command runs without an Okta org");
    },
  });
}

/**
 * `io` with every control character but the line break escaped in what it prints and asks: tables, reports,
 * progress and errors all carry ids, kids and messages from a server, which must not drive the terminal.
 */
function terminalSafe(io: CliIo): CliIo {
  return {
    out: (text) => io.out(printableLines(text)),
    err: (text) => io.err(printableLines(text)),
    env: io.env,
    interactive: io.interactive,
    confirm: (question) => io.confirm(printableLines(question)),
    progress: io.progress && ((line) => io.progress?.(printable(line))),
    readStdin: io.readStdin,
  };
}

function say(io: CliIo, text: string, code: number = EXIT.ok): number {
  io.out(`${text}\n`);
  return code;
}

/** Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code. */
export async function run(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafe(rawIo);
  let json = false;
  try {
    const args = parse(argv);
    json = args.flags.json === true;
    if (args.flags.version) return say(io, VERSION);
    const command = COMMANDS.find((candidate) => candidate.words.every((word, i) => args.words[i] === word));
    if (!command) {
      if (args.words.length === 0 || args.flags.help) return say(io, mainHelp(COMMANDS));
      throw new UsageError(`Unknown command '${args.words.join(" ")}'`);
    }
    if (args.flags.help) return say(io, commandHelp(command));
    checkFlags(command, args);
    const params = bindParams(command, args);
    const okta = command.offline ? offlineClient() : await createCliClient(args, io);
    const output = await command.run({ params, args, io, okta });
    const text = args.flags.json ? printableJson(JSON.stringify(output.json, null, 2)) : output.text;
    return say(io, text, output.exitCode);
  } catch (error) {
    // A rotation that stopped still says what it did: which steps were done, failed, rolled back or left planned.
    if (isRotationError(error) && error.report.steps.length > 0) {
      io.out(`${json ? printableJson(JSON.stringify(error.report, null, 2)) : String(error.report)}\n`);
    }
    io.err(`${describeError(error)}\n`);
    if (error instanceof UsageError) io.err("Run 'okta-app-credentials --help' for usage.\n");
    return exitCodeFor(error);
  }
}
