import type { Authenticator } from "../authenticator.js";
import type { PrivateKeyAuth, PrivateKeyAuthContext } from "../private-key-auth.js";
import { readDpopNonceChallenge } from "./dpop-nonce-challenge.js";
import { createDpopProver, type DpopProver } from "./dpop-prover.js";
import { requestToken, type TokenRequestContext } from "./request-token.js";
import { createTokenCache } from "./token-cache.js";
import { validatePrivateKeyAuth } from "./validate-private-key-auth.js";

/**
 * An authenticator for an Okta API Services app: gets access tokens with a `private_key_jwt` client assertion,
 * caches them until shortly before they expire, and binds them with DPoP when the app requires it. Options are
 * checked at once (TypeError naming the option); the key, assertions and tokens live only in closures, so neither
 * errors nor `util.inspect(authenticator)` can show them.
 * @see https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/
 * @see https://www.rfc-editor.org/rfc/rfc9449
 */
export function createPrivateKeyAuthenticator(
  options: PrivateKeyAuth,
  context: PrivateKeyAuthContext,
): Authenticator {
  const config = validatePrivateKeyAuth(options, context);
  let prover: DpopProver | undefined;
  const tokens: TokenRequestContext = {
    ...config,
    prover: () => (prover ??= createDpopProver(config.now)),
    nonces: new Map(),
    dpop: config.dpop,
  };
  const cache = createTokenCache(() => requestToken(tokens), config.now);
  return {
    async authorize(request) {
      const grant = await cache.get();
      const authorized = new Request(request);
      authorized.headers.set("Authorization", `${grant.tokenType} ${grant.accessToken}`);
      if (grant.tokenType === "DPoP") {
        const nonce = tokens.nonces.get(new URL(request.url).origin);
        const { method, url } = request;
        const proof = await tokens.prover().proof({ method, url, accessToken: grant.accessToken, nonce });
        authorized.headers.set("DPoP", proof);
      }
      return authorized;
    },
    async shouldRetry(request, response) {
      const origin = new URL(request.url).origin;
      const nonce = response.headers.get("DPoP-Nonce");
      // A resource server may hand out its next nonce on any answer (RFC 9449 §8.2).
      if (nonce && tokens.dpop !== false) tokens.nonces.set(origin, nonce);
      if (response.status !== 401) return false;
      if (readDpopNonceChallenge(response) === undefined) cache.invalidate();
      return true;
    },
  };
}
