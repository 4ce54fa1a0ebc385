import createClient from "openapi-fetch";
import type { paths } from "../generated/okta-app-credentials.js";
import { createAuthenticator } from "./auth/create-authenticator.js";
import { withAuth } from "./auth/with-auth.js";
import type { FetchLayer, FetchLike } from "./fetch-like.js";
import { createJwksApi, type JwksApi } from "./jwks.js";
import { checkOptions, type OktaClientOptions } from "./options.js";
import { toOrgOrigin } from "./org-url.js";
import type { OktaRawClient } from "./raw-client.js";
import { createSecretsApi, type SecretsApi } from "./secrets.js";
import { VERSION } from "./version.js";

/** A client for one Okta org: the twelve operations as `jwks.*` and `secrets.*`, and the typed fetch under them. */
export interface OktaClient {
  /** The app's client JSON Web Keys. */
  readonly jwks: JwksApi;
  /** The app's client secrets. */
  readonly secrets: SecretsApi;
  /** The openapi-fetch client, typed with the curated spec, with the same auth and transport. */
  readonly raw: OktaRawClient;
}

/**
 * Creates a client for one Okta org. Every option is checked here, before any request.
 * @throws {TypeError} naming the first invalid option.
 */
export function createOktaClient(options: OktaClientOptions): OktaClient {
  checkOptions(options);
  const origin = toOrgOrigin(options.orgUrl);
  const userFetch = options.fetch;
  const base: FetchLike = userFetch ?? ((request) => globalThis.fetch(request));
  const layers: FetchLayer[] = [];
  if (options.auth !== undefined) {
    layers.push(withAuth(createAuthenticator(options.auth, { orgUrl: origin, fetch: base }), origin));
  }
  const raw = createClient<paths>({
    baseUrl: origin,
    fetch: layers.reduceRight<FetchLike>((next, layer) => layer(next), base),
    headers: { Accept: "application/json", "User-Agent": userAgent(options.userAgent) },
  });
  return { jwks: createJwksApi(raw, origin), secrets: createSecretsApi(raw, origin), raw };
}

function userAgent(prefix: string | undefined): string {
  const own = `okta-app-credentials/${VERSION}`;
  return prefix ? `${prefix} ${own}` : own;
}
