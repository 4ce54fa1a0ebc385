import type { AuthOption } from "../auth/auth-option.js";
import { checkKeyShape } from "../auth/check-key-shape.js";
import { toSigningKey } from "../auth/private-key/signing-key.js";
import { createOktaClient, type OktaClient } from "../client.js";
import { toOrgOrigin } from "../org-url.js";
import { VERSION } from "../version.js";
import { ConfigError } from "./exit-codes.js";
import type { CliIo } from "./io.js";
import { createMockClient } from "./mock-org.js";
import type { FlagName, ParsedArgs } from "./parse.js";
import { readTextFile } from "./read-text-file.js";

/** Each setting's flag and the environment variable Okta's SDKs use for it. */
const SETTINGS = {
  orgUrl: ["org-url", "OKTA_CLIENT_ORGURL"],
  token: ["token", "OKTA_CLIENT_TOKEN"],
  clientId: ["client-id", "OKTA_CLIENT_CLIENTID"],
  privateKey: ["private-key", "OKTA_CLIENT_PRIVATEKEY"],
  keyId: ["key-id", "OKTA_CLIENT_KEYID"],
  scopes: ["scopes", "OKTA_CLIENT_SCOPES"],
} as const satisfies Record<string, readonly [FlagName, string]>;

/** Reads a flag, else its environment variable; empty counts as unset. */
function setting(args: ParsedArgs, io: CliIo, name: keyof typeof SETTINGS): string | undefined {
  const [flag, env] = SETTINGS[name];
  const value = args.flags[flag] ?? io.env[env];
  return value === "" ? undefined : value;
}

/**
 * Builds the client a command runs with, from flags, else `OKTA_CLIENT_*` variables.
 * @throws {ConfigError} when the org or the credentials are missing, unreadable, or a key the client cannot sign with.
 */
export async function createCliClient(args: ParsedArgs, io: CliIo): Promise<OktaClient> {
  if (args.flags.mock) return createMockClient();
  const orgUrl = setting(args, io, "orgUrl");
  if (!orgUrl) throw new ConfigError("No Okta org: pass --org-url or set OKTA_CLIENT_ORGURL (or use --mock)");
  checkOrgUrl(orgUrl);
  const auth = await resolveAuth(args, io);
  const okta = createOktaClient({ orgUrl, auth, userAgent: `okta-app-credentials-cli/${VERSION}` });
  if (auth.type === "privateKey") await checkPrivateKey(auth.privateKey);
  return okta;
}

/**
 * The client checks what a key holds only on its first call; checked here too, a bad key ends the run before any
 * command starts, as a configuration error (exit 3). The CLI sets no algorithm.
 */
async function checkPrivateKey(privateKey: unknown): Promise<void> {
  try {
    await toSigningKey(checkKeyShape(privateKey), undefined);
  } catch (error) {
    // The client's messages name what is wrong with the key, never the key itself.
    if (error instanceof TypeError) throw new ConfigError(error.message, { cause: error });
    throw error;
  }
}

/** An org URL the client would refuse is a configuration error (exit 3), named by its setting. */
function checkOrgUrl(orgUrl: string): void {
  try {
    toOrgOrigin(orgUrl);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new ConfigError(`Invalid org URL (--org-url, OKTA_CLIENT_ORGURL): ${error.message}`);
  }
}

/** Flags win over variables: `--token` alone means an API token, whatever OKTA_CLIENT_AUTHORIZATIONMODE says. */
function wantsPrivateKey(args: ParsedArgs, io: CliIo): boolean {
  if ("client-id" in args.flags || "private-key" in args.flags) return true;
  if ("token" in args.flags) return false;
  return io.env.OKTA_CLIENT_AUTHORIZATIONMODE?.toLowerCase() === "privatekey";
}

async function resolveAuth(args: ParsedArgs, io: CliIo): Promise<AuthOption> {
  if (wantsPrivateKey(args, io)) return privateKeyAuth(args, io);
  const token = setting(args, io, "token");
  if (token) return { type: "apiToken", token };
  throw new ConfigError(
    "No credentials: set OKTA_CLIENT_TOKEN (an API token), or OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey with " +
      "OKTA_CLIENT_CLIENTID and OKTA_CLIENT_PRIVATEKEY (or pass --token, or --client-id and --private-key)",
  );
}

async function privateKeyAuth(args: ParsedArgs, io: CliIo): Promise<AuthOption> {
  const clientId = setting(args, io, "clientId");
  const keySource = setting(args, io, "privateKey");
  if (!clientId || !keySource) {
    throw new ConfigError(
      "Private key auth needs a client id (--client-id, OKTA_CLIENT_CLIENTID) and a private key (--private-key, OKTA_CLIENT_PRIVATEKEY)",
    );
  }
  const keyId = setting(args, io, "keyId");
  const scopes = setting(args, io, "scopes")
    ?.split(/[\s,]+/)
    .filter(Boolean);
  return {
    type: "privateKey",
    clientId,
    privateKey: await readPrivateKey(keySource),
    ...(keyId ? { keyId } : {}),
    ...(scopes ? { scopes } : {}),
  };
}

/** The key itself (a PEM, or a JWK in JSON), or else the path of a file holding one. */
async function readPrivateKey(source: string): Promise<string | Record<string, unknown>> {
  // The value is not echoed: it may be a key pasted where a path was expected.
  const message = (code: string) =>
    `Cannot read the private key file (${code}); OKTA_CLIENT_PRIVATEKEY holds a PEM or a path`;
  const text = /^\s*(-----BEGIN|\{)/.test(source) ? source : await readTextFile(source, message);
  if (!text.trimStart().startsWith("{")) return text;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ConfigError("The private key looks like JSON but is not a valid JWK");
  }
}
