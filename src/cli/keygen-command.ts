import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isSigningAlg, SIGNING_ALGS } from "../keys/algorithms.js";
import { generateSigningKey } from "../keys/generate-signing-key.js";
import type { Command, CommandContext, CommandOutput } from "./command.js";
import { ConfigError, UsageError } from "./exit-codes.js";

async function keygen(context: CommandContext): Promise<CommandOutput> {
  const { out, alg = "ES256" } = context.args.flags;
  if (!out) throw new UsageError("'keygen' needs --out DIR");
  if (!isSigningAlg(alg)) throw new UsageError(`--alg must be one of ${SIGNING_ALGS.join(", ")}`);
  const { privateKeyPem, publicJwk } = await generateSigningKey({ alg });
  const privatePath = join(out, "private-key.pem");
  const publicPath = join(out, "public-key.jwk.json");
  try {
    await mkdir(out, { recursive: true, mode: 0o700 });
    // `wx`: never overwrite a key that may still be in use; 0600: the private key is readable by its owner only.
    await writeFile(privatePath, privateKeyPem, { mode: 0o600, flag: "wx" });
    await writeFile(publicPath, `${JSON.stringify(publicJwk, null, 2)}\n`, { flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new ConfigError(
      `Cannot write the key files in ${out} (${code}${code === "EEXIST" ? ": they exist already" : ""})`,
    );
  }
  const json = { alg, kid: publicJwk.kid, privateKey: privatePath, publicJwk: publicPath, jwk: publicJwk };
  const text = [
    `Generated an ${alg} signing key, kid ${publicJwk.kid}`,
    `  private key: ${privatePath} (mode 600)`,
    `  public JWK:  ${publicPath}`,
  ].join("\n");
  return { json, text };
}

/** `keygen`: a signing key pair for the next rotation, written to files; needs no Okta org. */
export const KEYGEN_COMMAND: Command = {
  words: ["keygen"],
  params: [],
  flags: ["alg", "out"],
  summary: "Generate a signing key pair (private PEM, public JWK) for a key rotation",
  examples: [
    "okta-app-credentials keygen --alg ES256 --out ./keys/2026-11",
    "okta-app-credentials keygen --alg RS256 --out ./keys/next --json",
  ],
  offline: true,
  run: keygen,
};
