import type { JWK } from "jose";
import type { NewJwk } from "../api/types.js";
import { toOktaJwk } from "../keys/to-okta-jwk.js";
import { ConfigError, UsageError } from "./exit-codes.js";
import type { ParsedArgs } from "./parse.js";
import { readTextFile } from "./read-text-file.js";

/**
 * The public JWK to send to Okta for `--public-key FILE` (a PEM public key, certificate or private key, or a JWK in
 * JSON) with `--use`, `--kid`, `--alg` and `--inactive` applied; only the public half of a private key is kept.
 * @throws {UsageError} naming `command` when `--public-key` is missing, or for a `--use` other than sig or enc.
 * @throws {ConfigError} when the file cannot be read or holds no usable key; the key itself is never echoed.
 */
export async function readPublicKey(args: ParsedArgs, command: string): Promise<NewJwk> {
  const { "public-key": path, use = "sig", kid, alg, inactive } = args.flags;
  if (!path) throw new UsageError(`'${command}' needs --public-key FILE`);
  if (use !== "sig" && use !== "enc") throw new UsageError('--use must be "sig" or "enc"');
  const text = await readTextFile(path, (code) => `Cannot read --public-key ${path} (${code})`);
  return toOktaJwk(parseKeyText(text, `--public-key ${path}`), {
    use,
    ...(kid ? { kid } : {}),
    ...(alg ? { alg } : {}),
    ...(inactive ? { status: "INACTIVE" } : {}),
  });
}

/**
 * A key file's text as the key importers take it: a PEM as it is, a JWK parsed from its JSON.
 * @throws {ConfigError} naming the file (`label`) when its JSON does not parse; JSON.parse's own message is not
 * shown, as it may quote the file, and so a private `d`.
 */
export function parseKeyText(text: string, label: string): string | JWK {
  if (!text.trimStart().startsWith("{")) return text;
  try {
    return JSON.parse(text) as JWK;
  } catch {
    throw new ConfigError(`${label} looks like JSON but is not a JSON Web Key`);
  }
}
