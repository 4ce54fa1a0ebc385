import type { JWK } from "jose";
import type { NewJwk } from "../api/types.js";
import { toOktaJwk } from "../keys/to-okta-jwk.js";
import { ConfigError } from "./exit-codes.js";
import { readTextFile } from "./read-text-file.js";

/** What a key file is turned into: the key's `use`, and optional overrides. */
export interface PublicKeyOptions {
  readonly use: "sig" | "enc";
  readonly kid?: string | undefined;
  readonly alg?: string | undefined;
  readonly status?: "ACTIVE" | "INACTIVE" | undefined;
}

/**
 * Reads a key file (a PEM public key, certificate or private key, or a JWK in JSON) and returns the public JWK to
 * send to Okta; only the public half of a private key is kept.
 * @throws {ConfigError} when the file cannot be read or holds no usable key; the key itself is never echoed.
 */
export async function readPublicKey(path: string, options: PublicKeyOptions): Promise<NewJwk> {
  const text = await readTextFile(path, (code) => `Cannot read --public-key ${path} (${code})`);
  const key = text.trimStart().startsWith("{") ? parseJwk(text, path) : text;
  return toOktaJwk(key, {
    use: options.use,
    ...(options.kid ? { kid: options.kid } : {}),
    ...(options.alg ? { alg: options.alg } : {}),
    ...(options.status ? { status: options.status } : {}),
  });
}

function parseJwk(text: string, path: string): JWK {
  try {
    return JSON.parse(text) as JWK;
  } catch {
    throw new ConfigError(`--public-key ${path} looks like JSON but is not a JSON Web Key`);
  }
}
