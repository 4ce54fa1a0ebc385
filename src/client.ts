import createClient from "openapi-fetch";
import type { paths } from "../generated/okta-app-credentials.js";
import { createJwksApi, type JwksApi } from "./api/jwks.js";
import type { OktaRawClient } from "./api/raw-client.js";
import { createSecretsApi, type SecretsApi } from "./api/secrets.js";
import { createAuthenticator } from "./auth/create-authenticator.js";
import { checkOptions, type OktaClientOptions } from "./options.js";
import { toOrgOrigin } from "./org-url.js";
import { DraftRequest } from "./transport/draft-request.js";
import type { FetchLike } from "./transport/fetch-like.js";
import { inMemoryFormOf } from "./transport/in-memory-fetch.js";
import { type Layer, type Send, sendRequests, sendWith } from "./transport/outgoing.js";
import { toReadable } from "./transport/response-body.js";
import { userAgent } from "./transport/user-agent.js";
import { authLayer } from "./transport/with-auth.js";
import { retryLayer } from "./transport/with-retry.js";
import { throttleLayer } from "./transport/with-throttle.js";
import { withTimeout, withTimeoutKeepingBodies } from "./transport/with-timeout.js";

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
 * Creates a client for one Okta org. Every option is checked here, except the contents of a private key: its
 * shape is checked here, its parsing waits for the first call (with the code that needs it) and still comes
 * before any request, rejecting every call with the same TypeError.
 * @throws {TypeError} naming the first invalid option.
 */
export function createOktaClient(options: OktaClientOptions): OktaClient {
  checkOptions(options);
  const origin = toOrgOrigin(options.orgUrl);
  const transport = createTransport(options, origin);
  const clientOptions = {
    baseUrl: origin,
    // Redirects are never followed, so credentials never travel to whatever host a Location names: a 3xx comes
    // back as a response and becomes an OktaApiError. Set here, every Request is born with it.
    redirect: "manual",
    headers: { Accept: "application/json", "User-Agent": userAgent(options.userAgent) },
  } as const;
  // The facade's own client: it reads 2xx bodies from memory, where the transport left them (error bodies go to
  // openapi-fetch), and its requests are drafts, built into a WHATWG Request only where a fetch needs one.
  // openapi-fetch only calls `new Request(url, init)`, reads `method` and hands the result to `fetch`, which takes
  // drafts; its type asks for the global class, hence the cast. `raw` stays a plain openapi-fetch client: with a
  // custom Request class, openapi-fetch would refuse middleware (such as paginate()'s) returning a plain Request.
  const core = createClient<paths>({
    ...clientOptions,
    Request: DraftRequest as unknown as typeof Request,
    fetch: answer(transport, (response) => response.ok),
  });
  const raw = createClient<paths>({ ...clientOptions, fetch: answer(transport, () => false) });
  return { jwks: createJwksApi(core, origin), secrets: createSecretsApi(core, origin), raw };
}

/**
 * The fetch under the client, outermost first: retry, throttle, auth, timeout, the user's fetch. Retries sit
 * above auth so that every attempt gets fresh credentials (and a fresh DPoP proof); the timeout sits below it so
 * that it bounds one attempt, body included. Token requests use a timeout layer alone.
 */
function createTransport(options: OktaClientOptions, origin: string): Send {
  const userFetch = options.fetch;
  const send: FetchLike = userFetch ?? ((request, init) => globalThis.fetch(request, init));
  // API calls go through the fetch's in-memory form when it has one; token requests read their bodies themselves.
  // A user's fetch gets Requests; the built-in fetch gets a draft as a URL and init, and builds the one Request.
  const sendApi =
    (userFetch && inMemoryFormOf(userFetch)) ??
    (userFetch ? sendRequests(userFetch) : sendWith((input, init) => globalThis.fetch(input, init)));
  const layers: Layer[] = [retryLayer(options.retry), throttleLayer(options.throttle)];
  if (options.auth !== undefined) {
    const tokenFetch = withTimeout(options.timeoutMs)(send);
    layers.push(authLayer(createAuthenticator(options.auth, { orgUrl: origin, fetch: tokenFetch }), origin));
  }
  return stack(withTimeoutKeepingBodies(options.timeoutMs)(sendApi), layers);
}

/** `transport`, handing on as they are the responses `inMemory` picks and readable copies of the rest. */
function answer(transport: Send, inMemory: (response: Response) => boolean): Send {
  return async (request, init) => {
    const response = await transport(request, init);
    return inMemory(response) ? response : toReadable(response);
  };
}

/** Wraps `base` in `layers`, the first layer outermost. */
function stack(base: Send, layers: readonly Layer[]): Send {
  return layers.reduceRight<Send>((next, layer) => layer(next), base);
}
