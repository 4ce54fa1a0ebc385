import { OktaError } from "../errors/okta-errors.js";
import type { Authenticator } from "./authenticator.js";
import { markOptionError } from "./option-error.js";

/** Where an access token comes from: the token itself, or a function asked before every request. */
export type TokenSource = string | (() => string | Promise<string>);

const PREFIXED = /^(SSWS|Bearer|DPoP)\s/i;

/**
 * What a token must be to travel in a header without being mangled or refused: printable ASCII without spaces.
 * `Headers.set` would put a value with a line break into its error message, fetch refuses characters beyond
 * Latin-1, and no token has a space (one pasted with a space around it would be sent and refused).
 */
export const HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/;

/**
 * Checks a token before it goes into a header and returns it. Messages never echo the token.
 * @throws {TypeError} naming `where`.
 */
export function checkToken(token: unknown, where: string): string {
  if (typeof token !== "string" || token.trim() === "") {
    throw new TypeError(`${where} must be a non-empty string`);
  }
  if (PREFIXED.test(token)) {
    throw new TypeError(`${where} must be the token alone, without a scheme such as SSWS or Bearer in front`);
  }
  if (!HEADER_SAFE_TOKEN.test(token)) {
    throw new TypeError(
      `${where} must be printable ASCII, without spaces, line breaks or control characters`,
    );
  }
  return token;
}

/**
 * An authenticator that sends `Authorization: <scheme> <token>`: `SSWS` for API tokens, `Bearer` for access tokens.
 * A token function's value is checked on every call; a bad one rejects the call with a TypeError, neither retried
 * nor wrapped, as a wrong option is. A token function that throws rejects the call with an `OktaError` whose cause
 * is what it threw, not retried: no request was sent.
 * @see https://developer.okta.com/docs/api/openapi/okta-management/guides/overview/#authentication
 */
export function createStaticTokenAuthenticator(scheme: "SSWS" | "Bearer", token: TokenSource): Authenticator {
  return {
    async authorize(request) {
      const value = typeof token === "string" ? token : readToken(await ask(token));
      request.headers.set("Authorization", `${scheme} ${value}`);
      return request;
    },
  };
}

async function ask(token: () => string | Promise<string>): Promise<unknown> {
  try {
    return await token();
  } catch (error) {
    throw new OktaError("The auth.token function threw instead of returning a token (see cause)", {
      cause: error,
    });
  }
}

function readToken(value: unknown): string {
  try {
    return checkToken(value, "the value returned by auth.token");
  } catch (error) {
    throw markOptionError(error);
  }
}
