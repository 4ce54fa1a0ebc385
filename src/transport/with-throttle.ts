import { bucketKey } from "./bucket-key.js";
import type { FetchLayer } from "./fetch-like.js";
import {
  type Bucket,
  learn,
  newBucket,
  release,
  serverClock,
  settled,
  tryAcquire,
} from "./rate-limit-bucket.js";
import { resolveThrottleOptions, type ThrottleOptions, type ThrottleSettings } from "./throttle-options.js";

/**
 * A transport layer that keeps each bucket (method and path template) inside Okta's rate limit instead of earning
 * 429s: once no requests remain in the window, further requests wait until it resets. Requests in flight count
 * against the budget, so many concurrent calls cannot stampede through the last few: concurrency rises to what
 * `X-Rate-Limit-Remaining` allows. A window's reset is placed in local time with the best estimate of Okta's clock
 * that the responses' `Date` headers give, so a wait lasts as long as Okta asks and no longer. An abort during a wait
 * rejects at once with the signal's reason. `false` turns throttling off.
 */
export function withThrottle(options?: ThrottleOptions | false): FetchLayer {
  if (options === false) return (next) => next;
  const settings = resolveThrottleOptions(options);
  const { now, maxDelayMs } = settings;
  const buckets = new Map<string, Bucket>();
  // One clock for every bucket: Okta's responses all carry the same server time.
  const clock = serverClock();

  return (next) => async (request, init) => {
    const key = bucketKey(request.method, request.url);
    const bucket = buckets.get(key) ?? newBucket();
    buckets.set(key, bucket);
    bucket.users += 1;
    let sent = false;
    try {
      // Most requests may go at once; only those that must wait pay for the waiting machinery.
      if (request.signal.aborted || !tryAcquire(bucket, now(), maxDelayMs))
        await acquire(bucket, request.signal, settings);
      sent = true;
      const response = await next(request, init);
      const time = now();
      clock.observe(response.headers, time);
      learn(bucket, response.headers, time, clock.offset());
      return response;
    } finally {
      bucket.users -= 1;
      if (sent) release(bucket);
      // Forget a bucket nobody uses once it holds nothing back, so memory stays bounded.
      if (bucket.users === 0 && (bucket.state !== "limited" || now() >= bucket.resetAt)) buckets.delete(key);
    }
  };
}

/** Waits until `bucket` lets one more request go: for the first answer of an unknown bucket, or for the reset. */
async function acquire(bucket: Bucket, signal: AbortSignal, settings: ThrottleSettings): Promise<void> {
  for (;;) {
    signal.throwIfAborted();
    const time = settings.now();
    if (tryAcquire(bucket, time, settings.maxDelayMs)) return;
    if (bucket.state === "unknown") await settled(bucket, signal);
    else await settings.sleep(bucket.resetAt - time, signal);
  }
}
