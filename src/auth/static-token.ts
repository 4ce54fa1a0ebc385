import type { Authenticator } from "./authenticator.js";

/** Where an access token comes from: the token itself, or a function asked before every request. */
export type TokenSource = string | (() => string | Promise<string>);

const PREFIXED = /^(SSWS|Bearer|DPoP)\s/i;
const HEADER_BREAKING = /[\r\n\0]/;

/**
 * Checks a token before it goes into a header and returns it. Messages never echo the token: even
 * `Headers.set` would put an invalid value into its error message.
 * @throws {TypeError} naming `where`.
 */
export function checkToken(token: unknown, where: string): string {
  if (typeof token !== "string" || token.trim() === "") {
    throw new TypeError(`${where} must be a non-empty string`);
  }
  if (PREFIXED.test(token)) {
    throw new TypeError(`${where} must be the token alone, without a scheme such as SSWS or Bearer in front`);
  }
  if (HEADER_BREAKING.test(token)) {
    throw new TypeError(`${where} must not contain line breaks or NUL characters`);
  }
  return token;
}

/**
 * An authenticator that sends `Authorization: <scheme> <token>`: `SSWS` for API tokens, `Bearer` for access tokens.
 * @see https://developer.okta.com/docs/api/openapi/okta-management/guides/overview/#authentication
 */
export function createStaticTokenAuthenticator(scheme: "SSWS" | "Bearer", token: TokenSource): Authenticator {
  return {
    async authorize(request) {
      const value = checkToken(
        typeof token === "string" ? token : await token(),
        "the value returned by auth.token",
      );
      request.headers.set("Authorization", `${scheme} ${value}`);
      return request;
    },
  };
}
