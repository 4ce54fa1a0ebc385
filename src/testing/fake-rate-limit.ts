import { failure } from "./fake-refusal.js";

/** A per-endpoint request budget, as Okta applies one to each method and path template. */
export interface FakeRateLimit {
  /** Requests allowed per window and endpoint. */
  readonly limit: number;
  /** Length of a window in milliseconds; a window starts with its endpoint's first request. */
  readonly windowMs: number;
}

/**
 * Budgets to pass as `rateLimit`: `generous` (the default) lets a test suite run without meeting 429s while every
 * answer still carries the headers a client schedules by; `developerOrg` is what a developer org answered on
 * these endpoints (10 requests per endpoint and minute).
 */
export const FAKE_RATE_LIMITS = {
  generous: { limit: 10_000, windowMs: 60_000 },
  developerOrg: { limit: 10, windowMs: 60_000 },
} as const satisfies Record<string, FakeRateLimit>;

/**
 * Counts requests per bucket in fixed windows measured with `now` (epoch milliseconds), sets Okta's rate-limit
 * headers on each response, and refuses a request over the budget with 429 E0000047.
 */
export function createRateLimiter(options: FakeRateLimit, now: () => number) {
  const windows = new Map<string, { start: number; used: number }>();
  return (bucket: string, headers: Headers): void => {
    const at = now();
    let window = windows.get(bucket);
    if (!window || at >= window.start + options.windowMs) {
      window = { start: at, used: 0 };
      windows.set(bucket, window);
    }
    const allowed = window.used < options.limit;
    if (allowed) window.used += 1;
    headers.set("X-Rate-Limit-Limit", String(options.limit));
    headers.set("X-Rate-Limit-Remaining", String(options.limit - window.used));
    // X-Rate-Limit-Reset is a moment in UTC epoch seconds, not a delay.
    headers.set("X-Rate-Limit-Reset", String(Math.ceil((window.start + options.windowMs) / 1000)));
    if (!allowed) throw failure(429);
  };
}

/** Checks the `rateLimit` option. @throws {TypeError} naming the field. */
export function checkRateLimit(value: unknown): void {
  if (value === undefined) return;
  const { limit, windowMs } = (value ?? {}) as Partial<FakeRateLimit>;
  if (!Number.isInteger(limit) || (limit as number) < 1) {
    throw new TypeError("rateLimit.limit must be a positive integer");
  }
  if (!Number.isFinite(windowMs) || (windowMs as number) <= 0) {
    throw new TypeError("rateLimit.windowMs must be a positive number of milliseconds");
  }
}
