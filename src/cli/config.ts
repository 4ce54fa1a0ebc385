import type { AuthOption } from "../auth/auth-option.js";
import { createOktaClient, type OktaClient } from "../client.js";
import { VERSION } from "../version.js";
import { ConfigError } from "./exit-codes.js";
import type { CliIo } from "./io.js";
import { type ParsedArgs, stringFlag } from "./parse.js";

/** Reads a flag, else the environment variable Okta's SDKs use for the same setting. */
function setting(args: ParsedArgs, io: CliIo, flag: "org-url" | "token", env: string): string | undefined {
  const value = stringFlag(args, flag) ?? io.env[env];
  return value === "" ? undefined : value;
}

/**
 * Builds the client a command runs with, from flags, else `OKTA_CLIENT_*` variables.
 * @throws {ConfigError} when the org or the credentials are missing.
 */
export function createCliClient(args: ParsedArgs, io: CliIo): OktaClient {
  const orgUrl = setting(args, io, "org-url", "OKTA_CLIENT_ORGURL");
  if (!orgUrl) throw new ConfigError("No Okta org: pass --org-url or set OKTA_CLIENT_ORGURL (or use --mock)");
  return createOktaClient({
    orgUrl,
    auth: resolveAuth(args, io),
    userAgent: `okta-app-credentials-cli/${VERSION}`,
  });
}

function resolveAuth(args: ParsedArgs, io: CliIo): AuthOption {
  const token = setting(args, io, "token", "OKTA_CLIENT_TOKEN");
  if (token) return { type: "apiToken", token };
  throw new ConfigError("No credentials: set OKTA_CLIENT_TOKEN (an API token) or pass --token");
}
