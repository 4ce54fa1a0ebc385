/**
 * Puts credentials on API requests. One is made per client from its `auth` option; the auth layer calls it once
 * per attempt, so every retry gets fresh credentials (and a fresh DPoP proof).
 */
export interface Authenticator {
  /** Returns `request` with credentials added; it is only ever called for requests to the org's origin. */
  authorize(request: Request): Promise<Request>;
  /**
   * Looks at the API's answer to an authorized request and says whether to send it once more, for example
   * after refreshing an expired access token or learning a DPoP nonce. `request` is the one `authorize`
   * returned, as it was sent (its body already used), so its credentials say which token was refused. Never called
   * twice for one request. Leave it out when the answer is always no: requests are then not copied for a second
   * attempt.
   */
  shouldRetry?(request: Request, response: Response): Promise<boolean>;
}
