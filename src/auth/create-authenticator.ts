import type { AuthOption } from "./auth-option.js";
import type { Authenticator } from "./authenticator.js";
import { checkToken, createStaticTokenAuthenticator } from "./static-token.js";

/**
 * Validates the `auth` option and returns the authenticator for it.
 * @throws {TypeError} naming the offending field; the token itself is never echoed.
 */
export function createAuthenticator(auth: AuthOption): Authenticator {
  if (typeof auth !== "object" || auth === null) {
    throw new TypeError('auth must be an object such as { type: "apiToken", token }');
  }
  switch (auth.type) {
    case "apiToken":
      return createStaticTokenAuthenticator("SSWS", checkToken(auth.token, "auth.token"));
    case "accessToken":
      return createStaticTokenAuthenticator(
        "Bearer",
        typeof auth.token === "function" ? auth.token : checkToken(auth.token, "auth.token"),
      );
    default:
      throw new TypeError(
        `auth.type must be "apiToken" or "accessToken"; got ${JSON.stringify(typeOf(auth))}`,
      );
  }
}

function typeOf(auth: object): unknown {
  const type = (auth as { type?: unknown }).type;
  return typeof type === "string" ? type : typeof type;
}
