import type { Authenticator } from "../auth/authenticator.js";
import { OktaError } from "../errors/okta-errors.js";
import type { FetchLayer } from "./fetch-like.js";
import { credentialsOf } from "./redact.js";
import { redactResponse } from "./redact-response.js";
import { withNoRedirects } from "./with-no-redirects.js";

/**
 * A transport layer that authorizes every attempt with `authenticator` and, when it asks, sends the request once
 * more. Credentials only ever go to `origin`: a request anywhere else fails before it is sent, a redirect is never
 * followed, whatever fetch sits below, and an answer that repeats them has them replaced by `[redacted]`.
 */
export function withAuth(authenticator: Authenticator, origin: string): FetchLayer {
  // `Request.url` is normalised, so a URL of the org starts with its origin and "/".
  const prefix = `${origin}/`;
  return (fetch) => {
    const next = withNoRedirects(fetch);
    return async (request, init) => {
      if (!request.url.startsWith(prefix)) {
        throw new OktaError(
          `Refusing to send credentials to ${new URL(request.url).origin}: the client is for ${origin}`,
        );
      }
      const spare = authenticator.shouldRetry && request.clone();
      let authorized = await authenticator.authorize(request);
      let response = await next(authorized, init);
      if (spare && (await authenticator.shouldRetry?.(authorized, response))) {
        await response.body?.cancel();
        authorized = await authenticator.authorize(spare);
        response = await next(authorized, init);
      }
      return redactResponse(response, credentialsOf(authorized));
    };
  };
}
