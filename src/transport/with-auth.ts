import type { Authenticator } from "../auth/authenticator.js";
import { OktaError } from "../errors.js";
import type { FetchLayer } from "./fetch-like.js";
import { withNoRedirects } from "./with-no-redirects.js";

/**
 * A transport layer that authorizes every attempt with `authenticator` and, when it asks, sends the request once
 * more. Credentials only ever go to `origin`: a request anywhere else fails before it is sent, and a redirect is
 * never followed, whatever fetch sits below.
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
      const response = await next(await authenticator.authorize(request), init);
      if (!spare || !(await authenticator.shouldRetry?.(spare, response))) return response;
      await response.body?.cancel();
      return next(await authenticator.authorize(spare), init);
    };
  };
}
