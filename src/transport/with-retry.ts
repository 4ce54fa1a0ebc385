import { abortableSleep, type Sleep } from "./abortable-sleep.js";
import { DraftRequest } from "./draft-request.js";
import type { FetchLayer } from "./fetch-like.js";
import { holdRequest } from "./keep-alive.js";
import { copyRequest, forRequests, type Layer, type Outgoing, type Send } from "./outgoing.js";
import { rateLimitDelayMs } from "./rate-limit.js";
import { readableCopy, readWhole } from "./response-body.js";
import { checkRetryOptions, type RetryOptions } from "./retry-options.js";
import { errorReason, isRetryableStatus, mayRetry, type RetryReason } from "./retry-rules.js";

export type { RetryInfo, RetryOptions } from "./retry-options.js";
export type { RetryReason } from "./retry-rules.js";

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

type Outcome =
  | { readonly response: Response }
  | { readonly error: unknown; readonly reason: RetryReason | undefined };

/**
 * A transport layer that sends a request again after a 429 (waiting until Okta's rate-limit window resets), and
 * after a 5xx, a network error or a timeout for operations that are safe to repeat. Retried attempts carry
 * `X-Okta-Retry-For` and `X-Okta-Retry-Count`. An abort of the request's signal rejects at once with its reason.
 * `false` turns retries off.
 * @throws {TypeError} when an option has the wrong type or range, before any request.
 */
export function withRetry(options?: RetryOptions | false, deps: RetryDeps = {}): FetchLayer {
  return forRequests(retryLayer(options, deps));
}

/** {@link withRetry} over either kind of request the client sends. */
export function retryLayer(options?: RetryOptions | false, deps: RetryDeps = {}): Layer {
  if (options === false) return (next) => next;
  const settings = checkRetryOptions(options);
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? abortableSleep;
  const random = deps.random ?? Math.random;

  const delayFor = (outcome: Outcome, attempt: number): number | undefined => {
    if (!("response" in outcome)) return backoffMs(attempt);
    if (outcome.response.status !== 429) return backoffMs(attempt);
    const wait = rateLimitDelayMs(outcome.response.headers, now());
    if (wait === undefined) return backoffMs(attempt);
    return wait > settings.maxDelayMs ? undefined : wait + random() * RATE_LIMIT_JITTER_MS;
  };
  const backoffMs = (attempt: number) =>
    Math.min(settings.maxDelayMs, BACKOFF_BASE_MS * 2 ** (attempt - 1)) * (0.5 + random() / 2);

  return (next) => async (request, init) => {
    const { signal } = request;
    // Okta's request bodies are small JSON: a draft keeps its text, a Request's bytes are read once, so that each
    // attempt carries the same bytes without the cost of splitting a stream.
    const body = await bytesToResend(request);
    let retryFor: string | null = null;
    for (let attempt = 0; ; attempt += 1) {
      signal?.throwIfAborted();
      const canResend = attempt < settings.retries && mayRetry(request, "network");
      const attemptRequest =
        attempt === 0 && body === undefined ? request : prepareAttempt(request, body, attempt, retryFor);
      const outcome = await send((r) => next(r, init), attemptRequest, signal, canResend);
      const reason = reasonOf(outcome);
      const allowed = attempt < settings.retries && reason !== undefined && mayRetry(request, reason);
      const delayMs = allowed ? delayFor(outcome, attempt + 1) : undefined;
      if (delayMs === undefined || reason === undefined) {
        if ("response" in outcome) return outcome.response;
        throw outcome.error;
      }
      if ("response" in outcome) {
        if (attempt === 0) retryFor = outcome.response.headers.get("X-Okta-Request-Id");
        if (!outcome.response.bodyUsed) await outcome.response.body?.cancel();
      }
      settings.onRetry?.({ attempt: attempt + 1, delayMs, reason, method: request.method, url: request.url });
      await sleep(delayMs, signal);
    }
  };
}

/** The bytes of a `Request`'s body, read once; `undefined` for a draft or a request without a body. */
async function bytesToResend(request: Outgoing): Promise<ArrayBuffer | undefined> {
  return request instanceof DraftRequest || request.body === null ? undefined : request.arrayBuffer();
}

/**
 * A fresh copy of `request` for this attempt, carrying the body, marked when it is a retry. (The first attempt of
 * a draft or of a request without a body goes as it is.)
 */
function prepareAttempt(
  request: Outgoing,
  body: ArrayBuffer | undefined,
  attempt: number,
  retryFor: string | null,
): Outgoing {
  const copy = copyRequest(request, body);
  if (attempt > 0) {
    copy.headers.set("X-Okta-Retry-Count", String(attempt));
    if (retryFor !== null) copy.headers.set("X-Okta-Retry-For", retryFor);
  }
  return copy;
}

async function send(
  next: Send,
  request: Outgoing,
  signal: AbortSignal | undefined,
  buffer: boolean,
): Promise<Outcome> {
  const release = holdRequest(request);
  try {
    const response = await next(request);
    return { response: buffer ? await readWithinAttempt(response) : response };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    return { error, reason: errorReason(error) };
  } finally {
    release();
  }
}

/**
 * Reads the body within the attempt, so a connection that drops halfway through the body is a network error the
 * loop can retry rather than a failure surfacing later in the caller. Okta's bodies are small JSON documents.
 */
async function readWithinAttempt(response: Response): Promise<Response> {
  return isRetryableStatus(response.status) ? response : readWhole(response, readableCopy);
}

function reasonOf(outcome: Outcome): RetryReason | undefined {
  if (!("response" in outcome)) return outcome.reason;
  return isRetryableStatus(outcome.response.status) ? outcome.response.status : undefined;
}
