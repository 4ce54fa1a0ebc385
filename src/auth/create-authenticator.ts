import type { AuthOption } from "./auth-option.js";
import type { Authenticator } from "./authenticator.js";
import { type CheckedPrivateKeyOptions, checkPrivateKeyOptions } from "./check-private-key-options.js";
import { createLazyAuthenticator } from "./lazy-authenticator.js";
import type { PrivateKeyAuthContext } from "./private-key-auth.js";
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
      // The client built the context from the org URL it checked, so `orgUrl` is the org's origin already.
      return createLazyAuthenticator(
        loadPrivateKeyAuthenticator(checkPrivateKeyOptions(auth, context.orgUrl), context),
      );
    default:
      throw new TypeError(
        `auth.type must be "apiToken", "accessToken" or "privateKey"; got ${JSON.stringify(typeOf(auth))}`,
      );
  }
}

// Key parsing, token requests, assertions and DPoP need code (jose among it) that token-only apps never ship.
function loadPrivateKeyAuthenticator(options: CheckedPrivateKeyOptions, context: PrivateKeyAuthContext) {
  return async (): Promise<Authenticator> => {
    const { createKeyAuthenticator } = await import("./private-key/key-authenticator.js");
    return createKeyAuthenticator(options, { fetch: context.fetch, now: context.now ?? Date.now });
  };
}

function typeOf(auth: object): unknown {
  const type = (auth as { type?: unknown }).type;
  return typeof type === "string" ? type : typeof type;
}
