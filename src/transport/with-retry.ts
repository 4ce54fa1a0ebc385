import { abortableSleep, type Sleep } from "./abortable-sleep.js";
import type { FetchInit, FetchLayer, FetchLike } from "./fetch-like.js";
import { rateLimitDelayMs } from "./rate-limit.js";
import { type RetryOptions, resolveRetryOptions } from "./retry-options.js";
import {
  errorReason,
  failedBeforeSending,
  isRetryableStatus,
  mayRetry,
  type RetryReason,
} from "./retry-rules.js";
import type { withTimeout } from "./with-timeout.js";

/** Clocks and randomness the retry layer uses, replaceable in tests. */
export interface RetryDeps {
  /** @default Date.now */
  readonly now?: () => number;
  /** @default abortableSleep */
  readonly sleep?: Sleep;
  /** Source of jitter in [0, 1). @default Math.random */
  readonly random?: () => number;
}

/** Base of the exponential backoff used when Okta gives no time to wait: 0.5 s, 1 s, 2 s, … (with jitter). */
const BACKOFF_BASE_MS = 500;
/** Jitter added to a rate-limit wait, so clients that were throttled together do not return together. */
const RATE_LIMIT_JITTER_MS = 1000;

type Outcome = { readonly response: Response } | { readonly error: unknown };

/**
 * A transport layer that sends a request again after a 429 (waiting until Okta's rate-limit window resets), and
 * after a 5xx, a network error or a timeout for operations that are safe to repeat. Retried attempts carry
 * `X-Okta-Retry-For` and `X-Okta-Retry-Count`. An abort of the request's signal rejects at once with its reason.
 * A body that breaks off is a failure it can retry when a layer below reads bodies within the attempt, as
 * {@link withTimeout} does. Like `fetch`, it consumes the body of the request it is given: the body is read once
 * and sent with every attempt. `false` turns retries off.
 * @throws {TypeError} when an option has the wrong type or range, before any request.
 */
export function withRetry(options?: RetryOptions | false, deps: RetryDeps = {}): FetchLayer {
  if (options === false) return (next) => next;
  const { retries, maxDelayMs, onRetry } = resolveRetryOptions(options);
  const { now = Date.now, sleep = abortableSleep, random = Math.random } = deps;

  const delayFor = createDelayRule(maxDelayMs, now, random);

  return (next) => async (request, init) => {
    const { signal } = request;
    const attemptOf = await attempts(request, retries);
    let retryFor: string | null = null;
    for (let attempt = 0; ; attempt += 1) {
      signal.throwIfAborted();
      const last = attempt >= retries;
      const outcome = await send(next, attemptOf(attempt, retryFor), init, signal);
      const reason = reasonOf(outcome);
      const sent = !("error" in outcome && failedBeforeSending(outcome.error));
      const delayMs =
        !last && reason !== undefined && mayRetry(request, reason, sent)
          ? delayFor(outcome, attempt + 1)
          : undefined;
      if (delayMs === undefined || reason === undefined) {
        if ("response" in outcome) return outcome.response;
        throw outcome.error;
      }
      if ("response" in outcome) {
        if (attempt === 0) retryFor = outcome.response.headers.get("X-Okta-Request-Id");
        await outcome.response.body?.cancel();
      }
      onRetry?.({ attempt: attempt + 1, delayMs, reason, method: request.method, url: request.url });
      await sleep(delayMs, signal);
    }
  };
}

/**
 * How long to wait before attempt `attempt + 1`: until the rate-limit window resets for a 429 that says when
 * (plus jitter, or `undefined` when that is longer than `maxDelayMs`), else exponential backoff with jitter.
 */
function createDelayRule(maxDelayMs: number, now: () => number, random: () => number) {
  const backoffMs = (attempt: number) =>
    Math.min(maxDelayMs, BACKOFF_BASE_MS * 2 ** (attempt - 1)) * (0.5 + random() / 2);
  return (outcome: Outcome, attempt: number): number | undefined => {
    const wait =
      "response" in outcome && outcome.response.status === 429
        ? rateLimitDelayMs(outcome.response.headers, now())
        : undefined;
    if (wait === undefined) return backoffMs(attempt);
    return wait > maxDelayMs ? undefined : wait + random() * RATE_LIMIT_JITTER_MS;
  };
}

/**
 * The request to send as each attempt, leaving `request` as it was for the next one. Without retries it is sent as
 * it is. Otherwise its body, if any, is read once, and each attempt is a new request with that body and the headers
 * as they were before any layer below added credentials; a request without a body is sent as it is the first time.
 * Retried attempts carry the headers Okta documents for retries.
 */
async function attempts(request: Request, retries: number) {
  if (retries === 0) return () => request;
  const headers = new Headers(request.headers);
  const body = request.body === null ? null : await request.arrayBuffer();
  return (attempt: number, retryFor: string | null): Request => {
    if (attempt === 0 && body === null) return request;
    const copy = new Request(request, { headers, body });
    if (attempt === 0) return copy;
    copy.headers.set("X-Okta-Retry-Count", String(attempt));
    if (retryFor !== null) copy.headers.set("X-Okta-Retry-For", retryFor);
    return copy;
  };
}

async function send(
  next: FetchLike,
  request: Request,
  init: FetchInit | undefined,
  signal: AbortSignal,
): Promise<Outcome> {
  try {
    return { response: await next(request, init) };
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    return { error };
  }
}

function reasonOf(outcome: Outcome): RetryReason | undefined {
  if (!("response" in outcome)) return errorReason(outcome.error);
  return isRetryableStatus(outcome.response.status) ? outcome.response.status : undefined;
}
