import type { FetchLike } from "../../transport/fetch-like.js";
import type { Authenticator } from "../authenticator.js";
import type { CheckedPrivateKeyOptions } from "../check-private-key-options.js";
import { markOptionError } from "../option-error.js";
import { readDpopNonceChallenge } from "./dpop-nonce-challenge.js";
import { createDpopProver, type DpopProver } from "./dpop-prover.js";
import { requestToken, type TokenRequestContext } from "./request-token.js";
import { type SigningKey, toSigningKey } from "./signing-key.js";
import { createTokenCache, type TokenCache } from "./token-cache.js";

/** What private-key auth needs besides its options: the fetch for token requests and the clock in milliseconds. */
export interface TokenRequester {
  readonly fetch: FetchLike;
  readonly now: () => number;
}

/**
 * The authenticator behind `createPrivateKeyAuthenticator`, for options already checked. What the key holds is
 * checked on the first call, before any request; a key that fails makes every call reject with the same TypeError,
 * marked as an option error so that it is neither retried nor wrapped.
 */
export function createKeyAuthenticator(
  options: CheckedPrivateKeyOptions,
  requester: TokenRequester,
): Authenticator {
  const { privateKey, algorithm, ...rest } = options;
  let signingKey: Promise<SigningKey> | undefined;
  let prover: DpopProver | undefined;
  const tokens: TokenRequestContext = {
    ...rest,
    ...requester,
    signingKey: () =>
      (signingKey ??= toSigningKey(privateKey, algorithm).catch((error: unknown) => {
        throw markOptionError(error);
      })),
    prover: () => (prover ??= createDpopProver(requester.now)),
    nonces: new Map(),
  };
  const cache = createTokenCache(() => requestToken(tokens), requester.now);
  return {
    authorize: (request) => authorize(request, tokens, cache),
    shouldRetry: async (request, response) => shouldRetry(request, response, tokens, cache),
  };
}

/** A copy of `request` with the cached access token and, for a DPoP token, a proof bound to it. */
async function authorize(request: Request, tokens: TokenRequestContext, cache: TokenCache): Promise<Request> {
  const grant = await cache.get(request.signal);
  const authorized = new Request(request);
  authorized.headers.set("Authorization", `${grant.tokenType} ${grant.accessToken}`);
  if (grant.tokenType === "DPoP") {
    const nonce = tokens.nonces.get(new URL(request.url).origin);
    const { method, url } = request;
    const proof = await tokens.prover().proof({ method, url, accessToken: grant.accessToken, nonce });
    authorized.headers.set("DPoP", proof);
  }
  return authorized;
}

/** Keeps a nonce the answer brings, and says whether a 401 calls for a second attempt (with a new token). */
function shouldRetry(
  request: Request,
  response: Response,
  tokens: TokenRequestContext,
  cache: TokenCache,
): boolean {
  const nonce = response.headers.get("DPoP-Nonce");
  // A resource server may hand out its next nonce on any answer (RFC 9449 §8.2).
  if (nonce && tokens.dpop !== false) tokens.nonces.set(new URL(request.url).origin, nonce);
  if (response.status !== 401) return false;
  // Only the token this request carried was refused; a newer one may already be cached.
  const [, refused = ""] = (request.headers.get("Authorization") ?? "").split(" ");
  if (readDpopNonceChallenge(response) === undefined) cache.invalidate(refused);
  return true;
}
