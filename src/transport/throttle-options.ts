import { abortableSleep, type Sleep } from "./abortable-sleep.js";
import { checkDelayMs } from "./check-delay.js";

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
