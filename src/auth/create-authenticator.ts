import type { AuthOption } from "./auth-option.js";
import type { Authenticator } from "./authenticator.js";
import { createLazyAuthenticator } from "./lazy-authenticator.js";
import type { PrivateKeyAuthContext } from "./private-key-auth.js";
import { checkToken, createStaticTokenAuthenticator } from "./static-token.js";
import { validatePrivateKeyAuth } from "./validate-private-key-auth.js";

/**
 * Validates the `auth` option and returns the authenticator for it; `context` serves service-app auth, which
 * requests its own tokens.
 * @throws {TypeError} naming the offending field; tokens and keys are never echoed.
 */
export function createAuthenticator(auth: AuthOption, context: PrivateKeyAuthContext): Authenticator {
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
    case "privateKey":
      validatePrivateKeyAuth(auth, context);
      // Token requests, assertions and DPoP need jose: loaded on first use, so token-only apps never ship it.
      return createLazyAuthenticator(async () =>
        (await import("./private-key-authenticator.js")).createPrivateKeyAuthenticator(auth, context),
      );
    default:
      throw new TypeError(
        `auth.type must be "apiToken", "accessToken" or "privateKey"; got ${JSON.stringify(typeOf(auth))}`,
      );
  }
}

function typeOf(auth: object): unknown {
  const type = (auth as { type?: unknown }).type;
  return typeof type === "string" ? type : typeof type;
}
