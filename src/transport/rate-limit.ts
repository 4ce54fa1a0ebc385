import { MAX_TIMER_MS } from "./check-delay.js";

/** What Okta's rate-limit headers say about one response, with repeated headers reduced to their smallest value. */
export interface RateLimit {
  /** `X-Rate-Limit-Limit`: requests allowed per window. */
  readonly limit: number | undefined;
  /** `X-Rate-Limit-Remaining`: requests left in the current window. */
  readonly remaining: number | undefined;
  /** `X-Rate-Limit-Reset`: when the window resets, in UTC epoch seconds (an instant, not a delay). */
  readonly reset: number | undefined;
}

/**
 * Reads `X-Rate-Limit-Limit`, `-Remaining` and `-Reset`. A header that appears twice reaches us comma-joined
 * (Okta can send two when more than one limit applies); the smallest value is the binding one.
 */
export function readRateLimit(headers: Headers): RateLimit {
  return {
    limit: smallestNumber(headers.get("X-Rate-Limit-Limit")),
    remaining: smallestNumber(headers.get("X-Rate-Limit-Remaining")),
    reset: smallestNumber(headers.get("X-Rate-Limit-Reset")),
  };
}

const SINGLE_NUMBER = /^\d{1,15}$/;

/** The smallest non-negative integer in a comma-separated header value, or `undefined` when there is none. */
export function smallestNumber(value: string | null): number | undefined {
  if (value === null) return undefined;
  // The usual case, one plain number, without splitting.
  if (SINGLE_NUMBER.test(value)) return Number(value);
  const numbers = value
    .split(",")
    .map((part) => part.trim())
    .filter((part) => /^\d{1,15}$/.test(part))
    .map(Number);
  return numbers.length > 0 ? Math.min(...numbers) : undefined;
}

/** The response's `Date` header in epoch milliseconds, or `undefined` when it is missing or unreadable. */
export function serverDateMs(headers: Headers): number | undefined {
  const value = headers.get("Date");
  if (value === null) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * `ms` as a wait a server can mean, not below 0; `undefined` when it is further away, ahead or behind, than a timer
 * can wait (about 24.8 days), which no rate limit asks for: Okta's windows last a minute.
 */
function possibleWait(ms: number): number | undefined {
  return Math.abs(ms) <= MAX_TIMER_MS ? Math.max(0, ms) : undefined;
}

/** The wait until epoch millisecond `at`: against the response's `Date`, else (missing or itself absurd) `now`. */
function waitUntil(at: number, headers: Headers, now: number): number | undefined {
  const date = serverDateMs(headers);
  return (date === undefined ? undefined : possibleWait(at - date)) ?? possibleWait(at - now);
}

/**
 * Milliseconds until the rate-limit window of this response resets, measured against the response's own `Date`
 * (so a skewed local clock does not matter); `now` stands in for a missing or absurd `Date`. `undefined` without a
 * reset, or with one no timer could wait for. `reset` is the header already read, for callers that have it.
 */
export function resetDelayMs(
  headers: Headers,
  now: number = Date.now(),
  reset: number | undefined = smallestNumber(headers.get("X-Rate-Limit-Reset")),
): number | undefined {
  // X-Rate-Limit-Reset is epoch seconds, not a delay.
  return reset === undefined ? undefined : waitUntil(reset * 1000, headers, now);
}

/**
 * Milliseconds the `Retry-After` header asks for, in seconds or as an HTTP date (then measured against `Date`);
 * `undefined` without one, or for one no timer could wait for.
 * @see https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get("Retry-After")?.trim();
  if (value === undefined || value === "") return undefined;
  if (/^\d{1,10}$/.test(value)) return possibleWait(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : waitUntil(at, headers, now);
}

/**
 * How long a rate-limited response asks us to wait: until `X-Rate-Limit-Reset`, else what `Retry-After` says,
 * else `undefined` (the caller picks its own backoff); a header that asks for an impossible wait counts as absent. The one computation the retry, the throttle and errors share.
 */
export function rateLimitDelayMs(headers: Headers, now: number = Date.now()): number | undefined {
  return resetDelayMs(headers, now) ?? retryAfterMs(headers, now);
}

/**
 * When a rate-limited response may be retried, as a local `Date`: `now` plus the wait it asks for (until
 * `X-Rate-Limit-Reset`, else `Retry-After`), so the result is right even when the local clock and Okta's
 * disagree. `undefined` when the response says nothing, or nothing possible: never an Invalid Date.
 */
export function retryAfterDate(response: Response, now: number = Date.now()): Date | undefined {
  const delay = rateLimitDelayMs(response.headers, now);
  return delay === undefined ? undefined : new Date(now + delay);
}
