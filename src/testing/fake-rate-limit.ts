/** A per-endpoint request budget, as Okta applies one to each method and path template. */
export interface FakeRateLimit {
  /** Requests allowed per window and endpoint. */
  readonly limit: number;
  /** Length of a window in milliseconds; a window starts with its endpoint's first request. */
  readonly windowMs: number;
}

/** What one request used of its endpoint's budget. */
export interface RateLimitUse {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** When the window ends, in UTC epoch seconds (Okta's `X-Rate-Limit-Reset`). */
  readonly resetSeconds: number;
}

/** Counts requests per bucket in fixed windows measured with `now` (epoch milliseconds). */
export function createRateLimiter(
  options: FakeRateLimit,
  now: () => number,
): (bucket: string) => RateLimitUse {
  const windows = new Map<string, { start: number; used: number }>();
  return (bucket) => {
    const at = now();
    let window = windows.get(bucket);
    if (!window || at >= window.start + options.windowMs) {
      window = { start: at, used: 0 };
      windows.set(bucket, window);
    }
    const allowed = window.used < options.limit;
    if (allowed) window.used += 1;
    return {
      allowed,
      limit: options.limit,
      remaining: options.limit - window.used,
      resetSeconds: Math.ceil((window.start + options.windowMs) / 1000),
    };
  };
}

/** Checks the `rateLimit` option. @throws {TypeError} naming the field. */
export function checkRateLimit(value: unknown): FakeRateLimit | undefined {
  if (value === undefined) return undefined;
  const { limit, windowMs } = (value ?? {}) as Partial<FakeRateLimit>;
  if (!Number.isInteger(limit) || (limit as number) < 1) {
    throw new TypeError("rateLimit.limit must be a positive integer");
  }
  if (!Number.isFinite(windowMs) || (windowMs as number) <= 0) {
    throw new TypeError("rateLimit.windowMs must be a positive number of milliseconds");
  }
  return value as FakeRateLimit;
}
