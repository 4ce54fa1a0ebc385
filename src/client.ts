import createClient from "openapi-fetch";
import type { paths } from "../generated/okta-app-credentials.js";
import { createAuthenticator } from "./auth/create-authenticator.js";
import { withAuth } from "./auth/with-auth.js";
import type { FetchLayer, FetchLike } from "./fetch-like.js";
import { createJwksApi, type JwksApi } from "./jwks.js";
import { checkOptions, type OktaClientOptions } from "./options.js";
import { toOrgOrigin } from "./org-url.js";
import type { OktaRawClient } from "./raw-client.js";
import { withRetry } from "./retry.js";
import { createSecretsApi, type SecretsApi } from "./secrets.js";
import { withThrottle } from "./throttle.js";
import { withTimeout } from "./timeout.js";
import { userAgent } from "./user-agent.js";

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
  const raw = createClient<paths>({
    baseUrl: origin,
    // Redirects are never followed, so credentials never travel to whatever host a Location names: a 3xx comes
    // back as a response and becomes an OktaApiError. Set here, every Request is born with it.
    redirect: "manual",
    fetch: createTransport(options, origin),
    headers: { Accept: "application/json", "User-Agent": userAgent(options.userAgent) },
  });
  return { jwks: createJwksApi(raw, origin), secrets: createSecretsApi(raw, origin), raw };
}

/**
 * The fetch under openapi-fetch, outermost first: retry, throttle, auth, timeout, the user's fetch.
 * Retries sit above auth so that every attempt gets fresh credentials (and a fresh DPoP proof); the timeout sits
 * below it so that it bounds one attempt. Token requests use the timeout layer alone.
 */
function createTransport(options: OktaClientOptions, origin: string): FetchLike {
  const userFetch = options.fetch;
  const send: FetchLike = userFetch ?? ((request, init) => globalThis.fetch(request, init));
  const bounded = withTimeout(options.timeoutMs)(send);
  const layers: FetchLayer[] = [withRetry(options.retry), withThrottle(options.throttle)];
  if (options.auth !== undefined) {
    layers.push(withAuth(createAuthenticator(options.auth, { orgUrl: origin, fetch: bounded }), origin));
  }
  return stack(bounded, layers);
}

/** Wraps `base` in `layers`, the first layer outermost. */
function stack(base: FetchLike, layers: readonly FetchLayer[]): FetchLike {
  return layers.reduceRight<FetchLike>((next, layer) => layer(next), base);
}
