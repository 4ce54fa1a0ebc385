import type { TokenGrant } from "./token-grant.js";

/** Holds one access token and refreshes it before it expires, with at most one token request in flight. */
export interface TokenCache {
  /**
   * The cached token if still fresh, else the one being fetched, else a newly fetched one. When `signal` aborts
   * first, this caller stops waiting, rejected with the signal's reason; the token request goes on for the others.
   */
  get(signal?: AbortSignal): Promise<TokenGrant>;
  /**
   * Forgets the cached token after the API refused `accessToken`, if that is the token cached: a refusal of an
   * older one (a late 401 that crossed a refresh) keeps the fresh token, so one expiry costs one token request.
   */
  invalidate(accessToken: string): void;
}

/** The most a token is refreshed ahead of its expiry. */
export const MAX_REFRESH_MARGIN_MS = 60_000;

/**
 * Makes a cache around `fetchGrant`. A token is reused until `expires_in` minus a margin (10 % of its lifetime,
 * at most 60 s) has passed since its request was sent, measured on the local clock only, so clock skew between
 * this machine and Okta cannot make it stale.
 */
export function createTokenCache(fetchGrant: () => Promise<TokenGrant>, now: () => number): TokenCache {
  let current: { grant: TokenGrant; refreshAt: number } | undefined;
  let pending: Promise<TokenGrant> | undefined;
  return {
    get(signal) {
      if (current && now() < current.refreshAt) return Promise.resolve(current.grant);
      pending ??= fetchGrant()
        .then((grant) => {
          current = { grant, refreshAt: refreshTime(grant) };
          return grant;
        })
        .finally(() => {
          pending = undefined;
        });
      return signal ? untilAborted(pending, signal) : pending;
    },
    invalidate(accessToken) {
      if (current?.grant.accessToken === accessToken) current = undefined;
    },
  };
}

/** When to stop reusing `grant`: its request time plus its lifetime minus the margin. */
export function refreshTime(grant: TokenGrant): number {
  const lifetime = grant.expiresIn * 1000;
  return grant.requestedAt + lifetime - Math.min(MAX_REFRESH_MARGIN_MS, lifetime / 10);
}

/** `promise`, unless `signal` aborts first: then a rejection with its reason, and `promise` runs on unwatched. */
function untilAborted<Value>(promise: Promise<Value>, signal: AbortSignal): Promise<Value> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<Value>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
