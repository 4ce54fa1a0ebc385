import type { AuthOption } from "./auth-option.js";
import type { Authenticator } from "./authenticator.js";
import { checkPrivateKeyOptions } from "./check-private-key-options.js";
import { createLazyAuthenticator } from "./lazy-authenticator.js";
import { markOptionError } from "./option-error.js";
import type { PrivateKeyAuth, PrivateKeyAuthContext } from "./private-key-auth.js";
import { checkToken, createStaticTokenAuthenticator } from "./static-token.js";

/**
 * Validates the `auth` option and returns the authenticator for it; `context` serves service-app auth, which
 * requests its own tokens. A private key is checked here only for its shape; what it holds is checked with the
 * rest of private-key auth, loaded on the first call, which then rejects before any request.
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
      // The context comes from the client, which built it: only the options need checking here.
      checkPrivateKeyOptions(auth);
      // Key parsing, token requests, assertions and DPoP need code (jose among it) that token-only apps never ship.
      return createLazyAuthenticator(loadPrivateKeyAuthenticator(auth, context));
    default:
      throw new TypeError(
        `auth.type must be "apiToken", "accessToken" or "privateKey"; got ${JSON.stringify(typeOf(auth))}`,
      );
  }
}

function loadPrivateKeyAuthenticator(auth: PrivateKeyAuth, context: PrivateKeyAuthContext) {
  return async (): Promise<Authenticator> => {
    const { createPrivateKeyAuthenticator } = await import("./private-key/private-key-authenticator.js");
    try {
      return createPrivateKeyAuthenticator(auth, context);
    } catch (error) {
      // A key that fails the deep checks: the call rejects with this TypeError as it is, before any request.
      throw markOptionError(error);
    }
  };
}

function typeOf(auth: object): unknown {
  const type = (auth as { type?: unknown }).type;
  return typeof type === "string" ? type : typeof type;
}
