import { checkDelayMs } from "./check-delay.js";

/** What the retry layer tells `onRetry` before it waits: never headers, so never a credential. */
export interface RetryInfo {
  /** Which retry this is: 1 for the second attempt, 2 for the third, … */
  readonly attempt: number;
  /** How long the layer waits before sending it, in milliseconds. */
  readonly delayMs: number;
  /** The HTTP status that failed, or `"network"` (no answer) or `"timeout"` (no answer within `timeoutMs`). */
  readonly reason: number | "network" | "timeout";
  /** HTTP method of the request. */
  readonly method: string;
  /** Absolute URL of the request. */
  readonly url: string;
}

/** How the client retries failed calls; pass `retry: false` to turn retries off. */
export interface RetryOptions {
  /** Further attempts after the first. @default 2 */
  readonly retries?: number | undefined;
  /** The longest wait the client accepts; a 429 that asks for longer is returned (as an error) at once. @default 60_000 */
  readonly maxDelayMs?: number | undefined;
  /** Called before each wait, for logs and metrics. */
  readonly onRetry?: ((info: RetryInfo) => void) | undefined;
}

/** {@link RetryOptions} with defaults applied, as the retry layer reads them. */
export interface RetrySettings {
  readonly retries: number;
  readonly maxDelayMs: number;
  readonly onRetry: ((info: RetryInfo) => void) | undefined;
}

/**
 * Checks retry options and fills in defaults; settings already resolved come back equal.
 * @throws {TypeError} naming the option (`retry.retries`, `retry.maxDelayMs`, `retry.onRetry`) that is wrong.
 */
export function resolveRetryOptions(options: RetryOptions | undefined): RetrySettings {
  if (options === undefined) return { retries: 2, maxDelayMs: 60_000, onRetry: undefined };
  if (typeof options !== "object" || options === null) {
    throw new TypeError("retry must be an object such as { retries: 2 }, or false to turn retries off");
  }
  const { retries = 2, maxDelayMs = 60_000, onRetry } = options;
  if (typeof retries !== "number" || !Number.isSafeInteger(retries) || retries < 0) {
    throw new TypeError("retry.retries must be a whole number of 0 or more");
  }
  checkDelayMs(maxDelayMs, "retry.maxDelayMs", 0);
  if (onRetry !== undefined && typeof onRetry !== "function") {
    throw new TypeError("retry.onRetry must be a function");
  }
  return { retries, maxDelayMs, onRetry };
}
