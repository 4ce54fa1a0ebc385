import type { Command } from "./command.js";
import { EXIT } from "./exit-codes.js";
import { FLAGS } from "./parse.js";

const NAME = "okta-app-credentials";

const GLOBAL_HELP = `Options for every command:
  --org-url URL       the Okta org, e.g. https://acme.okta.com   (env OKTA_CLIENT_ORGURL)
  --token TOKEN       an API token; prefer the environment       (env OKTA_CLIENT_TOKEN)
  --client-id ID      a service app's client id (private key)    (env OKTA_CLIENT_CLIENTID)
  --private-key KEY   its private key: PEM, JWK or file path     (env OKTA_CLIENT_PRIVATEKEY)
  --key-id KID        the key's kid, when the app has several    (env OKTA_CLIENT_KEYID)
  --scopes SCOPES     scopes to ask for, by spaces or commas     (env OKTA_CLIENT_SCOPES)
  --mock              run against an embedded fake Okta with a seeded demo app (no org needed)
  --json              print one JSON document on stdout and nothing else there
  --show-secret       print client secrets in full (masked by default)
  -h, --help          show help; -v, --version: show the version`;

const EXIT_HELP = `Exit codes:
  ${EXIT.ok}  success
  ${EXIT.apiError}  Okta refused the request or could not be reached
  ${EXIT.usage}  usage error (unknown flag, missing argument)
  ${EXIT.config}  configuration or authentication error (no org, no credentials, token rejected)
  ${EXIT.findings}  audit: findings present`;

/** A command's words and arguments, such as `jwks get <appId> <keyId>`. */
function synopsis(command: Command): string {
  const params = command.variadic ? ["[appId…]"] : command.params.map((name) => `<${name}>`);
  return [...command.words, ...params].join(" ");
}

/** The top-level help: every command with its summary, the global options and the exit codes. */
export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => synopsis(command).length));
  const lines = commands.map((command) => `  ${synopsis(command).padEnd(width)}  ${command.summary}`);
  return [
    `Usage: ${NAME} <command> [options]`,
    "",
    "Inspect and rotate the client JSON Web Keys and client secrets of an Okta OAuth 2.0 app.",
    "",
    "Commands:",
    ...lines,
    "",
    GLOBAL_HELP,
    "",
    EXIT_HELP,
    "",
    `Run '${NAME} <command> --help' for a command's options and examples.`,
  ].join("\n");
}

/** The help of one command: usage, the Okta operation it calls, its own flags, examples. */
export function commandHelp(command: Command): string {
  // Two spaces between the longest flag and its help, so no name runs into its text.
  const width = Math.max(0, ...command.flags.map((flag) => flag.length)) + 2;
  return [
    `Usage: ${NAME} ${synopsis(command)} [options]`,
    "",
    command.summary,
    ...(command.operation
      ? [`Okta operation: ${command.operation.operationId} (OAuth scope ${command.operation.scope})`]
      : []),
    ...(command.flags.length > 0
      ? ["", "Options:", ...command.flags.map((flag) => `  --${flag.padEnd(width)}${FLAGS[flag].help}`)]
      : []),
    "",
    "Examples:",
    ...command.examples.map((example) => `  ${example}`),
    "",
    GLOBAL_HELP,
  ].join("\n");
}
