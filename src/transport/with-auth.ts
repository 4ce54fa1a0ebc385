import { type AnyAuthenticator, type Authenticator, acceptingDrafts } from "../auth/authenticator.js";
import { OktaError } from "../errors.js";
import type { FetchLayer } from "./fetch-like.js";
import { copyRequest, forRequests, type Layer } from "./outgoing.js";

/**
 * A transport layer that authorizes every attempt with `authenticator` and, when it asks, sends the request once
 * more. Credentials only ever go to `origin`: a request anywhere else fails before it is sent.
 */
export function withAuth(authenticator: Authenticator, origin: string): FetchLayer {
  return forRequests(authLayer(acceptingDrafts(authenticator), origin));
}

/** {@link withAuth} over either kind of request the client sends. */
export function authLayer(authenticator: AnyAuthenticator, origin: string): Layer {
  // `Request.url` is normalised (a draft's is built normalised), so a URL of the org starts with its origin and "/".
  const prefix = `${origin}/`;
  return (next) => async (request, init) => {
    if (!request.url.startsWith(prefix)) {
      throw new OktaError(
        `Refusing to send credentials to ${new URL(request.url).origin}: the client is for ${origin}`,
      );
    }
    if (!authenticator.shouldRetry) return next(await authenticator.authorize(request), init);
    const spare = copyRequest(request);
    const response = await next(await authenticator.authorize(request), init);
    if (!(await authenticator.shouldRetry(spare, response))) return response;
    if (!response.bodyUsed) await response.body?.cancel();
    return next(await authenticator.authorize(spare), init);
  };
}
