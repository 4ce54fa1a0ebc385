import createClient from "openapi-fetch";
import type { paths } from "../generated/okta-app-credentials.js";
import { createJwksApi, type JwksApi } from "./api/jwks.js";
import type { OktaRawClient } from "./api/raw-client.js";
import { createSecretsApi, type SecretsApi } from "./api/secrets.js";
import { type OktaClientOptions, type ResolvedOptions, resolveOptions } from "./options.js";
import type { FetchLayer, FetchLike } from "./transport/fetch-like.js";
import { withAuth } from "./transport/with-auth.js";
import { withRetry } from "./transport/with-retry.js";
import { withThrottle } from "./transport/with-throttle.js";
import { withTimeout } from "./transport/with-timeout.js";

/** A client for one Okta org: the twelve operations as `jwks.*` and `secrets.*`, and the typed fetch under them. */
export interface OktaClient {
  /** The app's client JSON Web Keys. */
  readonly jwks: JwksApi;
  /** The app's client secrets. */
  readonly secrets: SecretsApi;
  /**
   * The openapi-fetch client, typed with the curated spec, that `jwks` and `secrets` call: middleware added with
   * `raw.use()` runs for their calls too.
   */
  readonly raw: OktaRawClient;
}

/**
 * Creates a client for one Okta org. Every option is checked here, before any request; a private key's contents
 * are checked on the first call, with the code that reads them, and every call then rejects with the same TypeError.
 * @throws {TypeError} naming the first invalid option.
 */
export function createOktaClient(options: OktaClientOptions): OktaClient {
  const config = resolveOptions(options);
  const raw = createClient<paths>({
    baseUrl: config.origin,
    // Redirects are never followed, so credentials never travel to whatever host a Location names: a 3xx comes
    // back as a response and becomes an OktaApiError.
    redirect: "manual",
    headers: { Accept: "application/json", "User-Agent": config.userAgent },
    fetch: createTransport(config),
  });
  return { jwks: createJwksApi(raw, config.origin), secrets: createSecretsApi(raw, config.origin), raw };
}

/**
 * The fetch under the client, outermost first: retry, throttle, auth, timeout, then the fetch that never follows
 * redirects. Retries sit above auth so that every attempt gets fresh credentials (and a fresh DPoP proof); the
 * timeout sits below it so that it bounds one attempt, body included.
 */
function createTransport(config: ResolvedOptions): FetchLike {
  const layers: FetchLayer[] = [withRetry(config.retry), withThrottle(config.throttle)];
  if (config.authenticator) layers.push(withAuth(config.authenticator, config.origin));
  layers.push(withTimeout(config.timeoutMs));
  return layers.reduceRight<FetchLike>((next, layer) => layer(next), config.fetch);
}
