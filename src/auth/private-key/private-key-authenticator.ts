import type { Authenticator } from "../authenticator.js";
import { checkPrivateKeyOptions } from "../check-private-key-options.js";
import type { PrivateKeyAuth, PrivateKeyAuthContext } from "../private-key-auth.js";
import { checkPrivateKeyContext } from "./check-private-key-context.js";
import { createKeyAuthenticator } from "./key-authenticator.js";

/**
 * An authenticator for an Okta API Services app: gets access tokens with a `private_key_jwt` client assertion,
 * caches them until shortly before they expire, and binds them with DPoP when the app requires it. Options and
 * context are checked at once (TypeError naming the field); what the key holds (PEM contents, curve, whether the
 * algorithm fits) is checked on the first `authorize`, which then rejects with a TypeError before any request, as
 * every later call does. The key, assertions and tokens live only in closures, so neither errors nor
 * `util.inspect(authenticator)` can show them.
 * @see https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/
 * @see https://www.rfc-editor.org/rfc/rfc9449
 */
export function createPrivateKeyAuthenticator(
  options: PrivateKeyAuth,
  context: PrivateKeyAuthContext,
): Authenticator {
  const { orgOrigin, ...requester } = checkPrivateKeyContext(context);
  return createKeyAuthenticator(checkPrivateKeyOptions(options, orgOrigin), requester);
}
