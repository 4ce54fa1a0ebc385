import type { Authenticator } from "./authenticator.js";

/** Where an access token comes from: the token itself, or a function asked before every request. */
export type TokenSource = string | (() => string | Promise<string>);

/**
 * An authenticator that sends `Authorization: <scheme> <token>`: `SSWS` for API tokens, `Bearer` for access tokens.
 * @see https://developer.okta.com/docs/api/openapi/okta-management/guides/overview/#authentication
 */
export function createStaticTokenAuthenticator(scheme: "SSWS" | "Bearer", token: TokenSource): Authenticator {
  return {
    async authorize(request) {
      const value = typeof token === "string" ? token : await token();
      if (typeof value !== "string" || value.trim() === "") {
        throw new TypeError("auth.token: the token function returned no token");
      }
      const authorized = new Request(request);
      authorized.headers.set("Authorization", `${scheme} ${value}`);
      return authorized;
    },
    async shouldRetry() {
      return false;
    },
  };
}
