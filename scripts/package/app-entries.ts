import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** An app that uses this package, as a bundler would see it. */
export interface AppEntry {
  readonly name: string;
  /** The entry module's source. */
  readonly source: string;
  /** The size budget for its min+gz bundle in bytes, when it has one. */
  readonly budget?: number;
}

const DIST = new URL("../../dist/src/", import.meta.url);
// The package name, so the bundle goes through the `exports` map the way an app's bundler would.
const INDEX = "okta-app-credentials";

/**
 * The smallest useful app: a client with an API token that lists keys. Its first load (11.6 kB) holds openapi-fetch,
 * the facade, validation, retries, throttling, timeouts, the checks that keep credentials out of errors and away
 * from other origins (redaction, capped error bodies, checked 2xx shapes), and the shape checks of the private-key
 * option (types of every field, and whether the key is a PEM string, a private JWK or a private CryptoKey). The key
 * parsers, jose and the token machinery load only when a private-key client makes its first call.
 */
const CORE: AppEntry = {
  name: "core (createOktaClient, API token)",
  budget: 12 * 1024,
  source: `import { createOktaClient } from ${JSON.stringify(INDEX)};
const okta = createOktaClient({ orgUrl: "https://acme.okta.com", auth: { type: "apiToken", token: globalThis.TOKEN } });
export const keys = okta.jwks.list("0oa1");`,
};

/** The same app authenticating as a service app with `private_key_jwt` (and DPoP when Okta asks). */
const OAUTH: AppEntry = {
  name: "core + OAuth private key / DPoP",
  source: `import { createOktaClient } from ${JSON.stringify(INDEX)};
const okta = createOktaClient({ orgUrl: "https://acme.okta.com", auth: { type: "privateKey", clientId: "0oa1", privateKey: globalThis.PEM } });
export const keys = okta.jwks.list("0oa1");`,
};

/** Whether the built package has the private-key auth path (it lives in `src/auth/`). */
export function hasPrivateKeyAuth(): boolean {
  return existsSync(fileURLToPath(new URL("oauth.js", DIST)));
}

/** The app entries to measure: the core, and the OAuth path once the package has it. */
export function appEntries(): AppEntry[] {
  return hasPrivateKeyAuth() ? [CORE, OAUTH] : [CORE];
}

/** The directory bundles resolve from. */
export const RESOLVE_DIR = fileURLToPath(new URL("../..", import.meta.url));
