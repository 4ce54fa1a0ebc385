import type { AuthOption } from "./auth/auth-option.js";
import type { FetchLike } from "./transport/fetch-like.js";
import type { RetryOptions } from "./transport/retry-options.js";
import type { ThrottleOptions } from "./transport/with-throttle.js";

/** Options of {@link createOktaClient}. */
export interface OktaClientOptions {
  /** The org's origin, such as `https://acme.okta.com` (not the `-admin` console); plain http only on loopback. */
  readonly orgUrl: string;
  /** How requests are authenticated. Omit it only when your `fetch` adds credentials itself. */
  readonly auth?: AuthOption | undefined;
  /**
   * The fetch used for every request: a proxy-aware fetch, a faster transport, or a fake for tests. It is called
   * as `fetch(request, { signal })`, the way the global `fetch` is; honour `signal`, which aborts an attempt on
   * timeout or cancellation.
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

/**
 * Checks the options that are not checked where they are used, before any request is made.
 * @throws {TypeError} naming the option.
 */
export function checkOptions(options: OktaClientOptions): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object such as { orgUrl, auth }");
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new TypeError("fetch must be a function");
  }
}
