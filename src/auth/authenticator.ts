import { type Outgoing, toRequest } from "../transport/outgoing.js";

/**
 * Puts credentials on API requests. One is made per client from its `auth` option; the auth layer
 * calls it once per attempt, so every retry gets fresh credentials (and a fresh DPoP proof).
 */
export interface Authenticator {
  /** Returns `request` with credentials added; it is only ever called for requests to the org's origin. */
  authorize(request: Request): Promise<Request>;
  /**
   * Looks at the API's answer to an authorized request and says whether to send it once more, for example
   * after refreshing an expired access token or learning a DPoP nonce. Never called twice for one request.
   * Leave it out when the answer is always no: requests are then not copied for a second attempt.
   */
  shouldRetry?(request: Request, response: Response): Promise<boolean>;
}

/**
 * An {@link Authenticator} over either kind of request the client sends: the client's own authenticators take
 * drafts as they are.
 */
export interface AnyAuthenticator {
  /** Returns `request`, of whichever kind, with credentials added. */
  authorize(request: Outgoing): Promise<Outgoing>;
  /** As {@link Authenticator.shouldRetry}. */
  shouldRetry?(request: Outgoing, response: Response): Promise<boolean>;
}

/** `authenticator` taking drafts too: each is built into a `Request` for it. */
export function acceptingDrafts(authenticator: Authenticator): AnyAuthenticator {
  const { shouldRetry } = authenticator;
  return {
    authorize: (request) => authenticator.authorize(toRequest(request)),
    ...(shouldRetry && {
      shouldRetry: (request, response) => shouldRetry.call(authenticator, toRequest(request), response),
    }),
  };
}
