import { MAX_TIMER_MS } from "./check-delay.js";
import { readRateLimit, resetDelayMs, serverDateMs, smallestNumber } from "./rate-limit.js";

/**
 * What the throttle knows about one bucket. `unknown`: nothing yet, so one request goes first to learn the budget;
 * `open`: Okta sent no rate-limit headers, so nothing is held; `limited`: `remaining` requests are left in the
 * window that ends at local time `resetAt` (server epoch second `reset`).
 */
export interface Bucket {
  state: "unknown" | "open" | "limited";
  reset: number;
  resetAt: number;
  remaining: number;
  inFlight: number;
  users: number;
  readonly waiters: Set<() => void>;
}

/**
 * Whether a request of `bucket` may go at `time`; if so it is counted, in the same turn as the check. A window that
 * resets later than `maxDelayMs` lets requests through, so that Okta's 429 reaches the caller instead of a long wait.
 */
export function tryAcquire(bucket: Bucket, time: number, maxDelayMs: number): boolean {
  if (bucket.state === "limited" && time >= bucket.resetAt) bucket.state = "unknown";
  const free =
    bucket.state === "open" ||
    (bucket.state === "unknown" && bucket.inFlight === 0) ||
    (bucket.state === "limited" &&
      (bucket.remaining - bucket.inFlight > 0 || bucket.resetAt - time > maxDelayMs));
  if (free) bucket.inFlight += 1;
  return free;
}

/** A bucket the throttle knows nothing about yet. */
export function newBucket(): Bucket {
  return { state: "unknown", reset: 0, resetAt: 0, remaining: 0, inFlight: 0, users: 0, waiters: new Set() };
}

/** Marks one request of the bucket finished and wakes those waiting to learn the budget. */
export function release(bucket: Bucket): void {
  bucket.inFlight -= 1;
  for (const wake of bucket.waiters) wake();
  bucket.waiters.clear();
}

/**
 * Updates a bucket from a response. Responses of one window share its `X-Rate-Limit-Reset` and may arrive out of
 * order, so the smallest `remaining` wins; a later reset starts a new window; an earlier one is stale. A reset no
 * timer could wait for says nothing, so it can neither hold requests nor make later windows look stale. `offset`
 * is a lower bound of Okta's clock minus ours ({@link serverClock}), which places the reset in local time.
 */
export function learn(bucket: Bucket, headers: Headers, time: number, offset?: number): void {
  const { remaining, reset } = readRateLimit(headers);
  const delay = reset === undefined ? undefined : resetDelayMs(headers, time, reset);
  if (remaining === undefined || reset === undefined || delay === undefined) {
    if (bucket.state === "unknown") bucket.state = "open";
  } else if (bucket.state !== "limited" || reset > bucket.reset) {
    // With a closer estimate of Okta's clock, the wait ends sooner, but never before this response's own bound.
    const sane = offset !== undefined && saneDate(headers, reset) !== undefined;
    const resetAt = sane ? Math.min(time + delay, Math.max(time, reset * 1000 - offset)) : time + delay;
    Object.assign(bucket, { state: "limited", reset, resetAt, remaining });
  } else if (reset === bucket.reset) {
    bucket.remaining = Math.min(bucket.remaining, remaining);
  }
}

/** Resolves when a request of the bucket finishes; rejects with the signal's reason if it aborts first. */
export function settled(bucket: Bucket, signal: AbortSignal | undefined): Promise<void> {
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

/** The response's `Date` when its reset agrees with it (a wait a timer can hold): only then does it tell Okta's time. */
function saneDate(headers: Headers, reset: number | undefined): number | undefined {
  if (reset === undefined) return undefined;
  const date = serverDateMs(headers);
  if (date === undefined) return undefined;
  return Math.abs(reset * 1000 - date) <= MAX_TIMER_MS ? date : undefined;
}

// How long one estimate of Okta's clock is trusted: a local clock that is set meanwhile cannot mislead it for longer.
const OFFSET_TTL_MS = 60_000;

/**
 * Tracks how far Okta's clock is ahead of ours, as the best lower bound the responses give. `Date` has whole
 * seconds, so one response says only that Okta's clock read at least `Date` when it arrived; the largest of these
 * bounds (the answer sent just after Okta's second ticked) is within a round trip of the truth, which puts a reset
 * in local time up to a second sooner than a single `Date` would, and never too soon.
 */
export function serverClock() {
  let best: { offset: number; at: number } | undefined;
  return {
    observe(headers: Headers, time: number): void {
      const date = saneDate(headers, smallestNumber(headers.get("X-Rate-Limit-Reset")));
      if (date === undefined) return;
      const offset = date - time;
      if (!best || offset >= best.offset || time - best.at > OFFSET_TTL_MS) best = { offset, at: time };
    },
    offset: (): number | undefined => best?.offset,
  };
}
