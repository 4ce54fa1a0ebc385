import type { AuthOption } from "./auth/auth-option.js";
import type { Authenticator } from "./auth/authenticator.js";
import { createAuthenticator } from "./auth/create-authenticator.js";
import { toOrgOrigin } from "./org-url.js";
import { checkDelayMs } from "./transport/check-delay.js";
import type { FetchLike } from "./transport/fetch-like.js";
import { type RetryOptions, type RetrySettings, resolveRetryOptions } from "./transport/retry-options.js";
import {
  resolveThrottleOptions,
  type ThrottleOptions,
  type ThrottleSettings,
} from "./transport/throttle-options.js";
import { userAgent } from "./transport/user-agent.js";
import { withNoRedirects } from "./transport/with-no-redirects.js";
import { withTimeout } from "./transport/with-timeout.js";

/** Options of {@link createOktaClient}. */
export interface OktaClientOptions {
  /** The org's origin, such as `https://acme.okta.com` (not the `-admin` console); plain http only on loopback. */
  readonly orgUrl: string;
  /** How requests are authenticated. Omit it only when your `fetch` adds credentials itself. */
  readonly auth?: AuthOption | undefined;
  /**
   * The fetch used for every request: a proxy-aware fetch, a tuned connection pool, or a fake for tests. It is
   * called as `fetch(request, { signal })`, the way the global `fetch` is; honour `signal`, which aborts an attempt
   * on timeout or cancellation.
   * @default globalThis.fetch
   */
  readonly fetch?: FetchLike | undefined;
  /** Your application's product token, sent in front of `okta-app-credentials/<version>` in `User-Agent`. */
  readonly userAgent?: string | undefined;
  /**
   * Retries of rate-limited (429) calls, and of 5xx and network failures where repeating is safe; `false` turns
   * them off.
   * @default { retries: 2, maxDelayMs: 60_000 }
   */
  readonly retry?: RetryOptions | false | undefined;
  /**
   * Holding calls of a rate-limit bucket that Okta says is spent until it resets, instead of earning a 429;
   * `false` turns it off.
   * @default { maxDelayMs: 60_000 }
   */
  readonly throttle?: ThrottleOptions | false | undefined;
  /**
   * How long one attempt may take, headers and body, before it fails with `OktaTimeoutError`.
   * @default 30_000
   */
  readonly timeoutMs?: number | undefined;
}

/** {@link OktaClientOptions} checked, with every default filled in: what the client is built from. */
export interface ResolvedOptions {
  /** The org's origin, such as `https://acme.okta.com`. */
  readonly origin: string;
  /** The fetch at the bottom of the stack: the caller's, or the global one, never following redirects. */
  readonly fetch: FetchLike;
  readonly authenticator: Authenticator | undefined;
  /** The whole `User-Agent` header. */
  readonly userAgent: string;
  readonly retry: RetrySettings | false;
  readonly throttle: ThrottleSettings | false;
  readonly timeoutMs: number;
}

/**
 * Checks every option, before any request, and fills in the defaults. A private key is checked here for its
 * shape; what it holds is checked with the code that reads it, on the first call and still before any request.
 * @throws {TypeError} naming the first invalid option; tokens and keys are never echoed.
 */
export function resolveOptions(options: OktaClientOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object such as { orgUrl, auth }");
  }
  const origin = toOrgOrigin(options.orgUrl);
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new TypeError("fetch must be a function");
  }
  const given = options.fetch;
  // Called through a wrapper, so that the global fetch is found when called and is never called as a method.
  const fetch = withNoRedirects(given ?? ((request, init) => globalThis.fetch(request, init)));
  const timeoutMs = checkDelayMs(options.timeoutMs ?? 30_000, "timeoutMs", 1);
  const authenticator =
    options.auth === undefined
      ? undefined
      : createAuthenticator(options.auth, { orgUrl: origin, fetch: withTimeout(timeoutMs)(fetch) });
  return {
    origin,
    fetch,
    authenticator,
    userAgent: userAgent(options.userAgent),
    retry: options.retry === false ? false : resolveRetryOptions(options.retry),
    throttle: options.throttle === false ? false : resolveThrottleOptions(options.throttle),
    timeoutMs,
  };
}
