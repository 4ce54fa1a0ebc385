import { abortableSleep, type Sleep } from "./abortable-sleep.js";
import { bucketKey } from "./bucket-key.js";
import { checkDelayMs } from "./check-delay.js";
import type { FetchLayer } from "./fetch-like.js";
import { readRateLimit, resetDelayMs } from "./rate-limit.js";

/** Clocks the throttle uses, replaceable in tests. */
export interface ThrottleOptions {
  /** @default Date.now */
  readonly now?: (() => number) | undefined;
  /** Waits `ms` milliseconds, rejecting with `signal.reason` if it aborts first. @default a setTimeout-based wait */
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /**
   * The longest the throttle holds a request; when the window resets later than this, the request is sent at
   * once and Okta's 429 reaches the caller (as an error with `retryAfter`) instead of a silent long wait.
   * @default 60_000
   */
  readonly maxDelayMs?: number | undefined;
}

/**
 * What the throttle knows about one bucket. `unknown`: nothing yet, so one request goes first to learn the budget;
 * `open`: Okta sent no rate-limit headers, so nothing is held; `limited`: `remaining` requests are left in the
 * window that ends at local time `resetAt` (server epoch second `reset`).
 */
interface Bucket {
  state: "unknown" | "open" | "limited";
  reset: number;
  resetAt: number;
  remaining: number;
  inFlight: number;
  users: number;
  readonly waiters: Set<() => void>;
}

/**
 * A transport layer that keeps each bucket (method and path template) inside Okta's rate limit instead of earning
 * 429s: once no requests remain in the window, further requests wait until it resets. Requests in flight count
 * against the budget, so many concurrent calls cannot stampede through the last few. An abort during a wait
 * rejects at once with the signal's reason. `false` turns throttling off.
 */
export function withThrottle(options?: ThrottleOptions | false): FetchLayer {
  if (options === false) return (next) => next;
  const { now, sleep, maxDelayMs } = resolveThrottleOptions(options);
  const buckets = new Map<string, Bucket>();

  /** Whether a request of `bucket` may go now; if so it is counted, in the same turn as the check. */
  const tryAcquire = (bucket: Bucket, time: number): boolean => {
    if (bucket.state === "limited" && time >= bucket.resetAt) bucket.state = "unknown";
    const free =
      bucket.state === "open" ||
      (bucket.state === "unknown" && bucket.inFlight === 0) ||
      (bucket.state === "limited" &&
        (bucket.remaining - bucket.inFlight > 0 || bucket.resetAt - time > maxDelayMs));
    if (free) bucket.inFlight += 1;
    return free;
  };

  const acquire = async (bucket: Bucket, signal: AbortSignal | undefined): Promise<void> => {
    for (;;) {
      signal?.throwIfAborted();
      const time = now();
      if (tryAcquire(bucket, time)) return;
      if (bucket.state === "unknown") await settled(bucket, signal);
      else await sleep(bucket.resetAt - time, signal);
    }
  };

  return (next) => async (request, init) => {
    const key = bucketKey(request.method, request.url);
    const bucket = buckets.get(key) ?? newBucket();
    buckets.set(key, bucket);
    bucket.users += 1;
    let sent = false;
    try {
      // Most requests may go at once; only those that must wait pay for the waiting machinery.
      if (request.signal.aborted || !tryAcquire(bucket, now())) await acquire(bucket, request.signal);
      sent = true;
      const response = await next(request, init);
      learn(bucket, response.headers, now());
      return response;
    } finally {
      bucket.users -= 1;
      if (sent) release(bucket);
      // Forget a bucket nobody uses once it holds nothing back, so memory stays bounded.
      if (bucket.users === 0 && (bucket.state !== "limited" || now() >= bucket.resetAt)) buckets.delete(key);
    }
  };
}

/** {@link ThrottleOptions} with defaults applied. */
export interface ThrottleSettings {
  readonly now: () => number;
  readonly sleep: Sleep;
  readonly maxDelayMs: number;
}

/**
 * Checks throttle options and fills in defaults; settings already resolved come back equal.
 * @throws {TypeError} naming the option (`throttle.now`, `throttle.sleep`, `throttle.maxDelayMs`) that is wrong.
 */
export function resolveThrottleOptions(options: ThrottleOptions | undefined): ThrottleSettings {
  if (options === undefined) return { now: Date.now, sleep: abortableSleep, maxDelayMs: 60_000 };
  if (typeof options !== "object" || options === null) {
    throw new TypeError("throttle must be an object, or false to turn throttling off");
  }
  const { now = Date.now, sleep = abortableSleep, maxDelayMs = 60_000 } = options;
  if (typeof now !== "function")
    throw new TypeError("throttle.now must be a function returning epoch milliseconds");
  if (typeof sleep !== "function")
    throw new TypeError("throttle.sleep must be a function (ms, signal) => Promise<void>");
  return { now, sleep, maxDelayMs: checkDelayMs(maxDelayMs, "throttle.maxDelayMs", 0) };
}

function newBucket(): Bucket {
  return { state: "unknown", reset: 0, resetAt: 0, remaining: 0, inFlight: 0, users: 0, waiters: new Set() };
}

/** Marks one request of the bucket finished and wakes those waiting to learn the budget. */
function release(bucket: Bucket): void {
  bucket.inFlight -= 1;
  for (const wake of bucket.waiters) wake();
  bucket.waiters.clear();
}

/**
 * Updates a bucket from a response. Responses of one window share its `X-Rate-Limit-Reset` and may arrive out of
 * order, so the smallest `remaining` wins; a later reset starts a new window; an earlier one is stale.
 */
function learn(bucket: Bucket, headers: Headers, time: number): void {
  const { remaining, reset } = readRateLimit(headers);
  if (remaining === undefined || reset === undefined) {
    if (bucket.state === "unknown") bucket.state = "open";
  } else if (bucket.state !== "limited" || reset > bucket.reset) {
    const delay = resetDelayMs(headers, time, reset) ?? 0;
    Object.assign(bucket, { state: "limited", reset, resetAt: time + delay, remaining });
  } else if (reset === bucket.reset) {
    bucket.remaining = Math.min(bucket.remaining, remaining);
  }
}

/** Resolves when a request of the bucket finishes; rejects with the signal's reason if it aborts first. */
function settled(bucket: Bucket, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      bucket.waiters.delete(wake);
      reject(signal?.reason);
    };
    const wake = () => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    };
    bucket.waiters.add(wake);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
