import { OktaTimeoutError } from "./errors.js";
import type { FetchLayer } from "./fetch-like.js";
import { holdRequest } from "./keep-alive.js";
import { canHaveBody, replaceBody } from "./replace-body.js";

/** Longest delay a timer can wait (2^31 - 1 ms, about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * A transport layer that gives each attempt `timeoutMs` to deliver its whole response (headers and body), then
 * aborts it with an `OktaTimeoutError`. An abort of the caller's own signal still rejects with that signal's
 * reason, never with a timeout error.
 * @default timeoutMs 30_000
 * @throws {TypeError} when `timeoutMs` is not a positive number of milliseconds.
 */
export function withTimeout(timeoutMs = 30_000): FetchLayer {
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS)) {
    throw new TypeError(`timeoutMs must be a number of milliseconds from 1 to ${MAX_TIMER_MS}`);
  }
  return (next) => async (request) => {
    // One controller that both the caller's signal and the timer abort; `timedOut` tells the two apart.
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(request.signal.reason);
    let timedOut: OktaTimeoutError | undefined;
    const handle = setTimeout(() => {
      timedOut = new OktaTimeoutError({ method: request.method, url: request.url }, timeoutMs);
      controller.abort(timedOut);
    }, timeoutMs);
    const attempt = new Request(request, { signal: controller.signal });
    const release = holdRequest(attempt);
    const clear = () => {
      release();
      clearTimeout(handle);
      request.signal.removeEventListener("abort", onCallerAbort);
    };
    if (request.signal.aborted) onCallerAbort();
    else request.signal.addEventListener("abort", onCallerAbort, { once: true });
    let response: Response;
    try {
      response = await next(attempt);
    } catch (reason) {
      clear();
      if (request.signal.aborted) throw request.signal.reason;
      throw timedOut ?? reason;
    }
    return keepTimerUntilRead(response, clear, controller.signal);
  };
}

/**
 * Returns `response` with a body that clears the timer once read to the end (or cancelled), so a body that
 * stalls after the headers still times out and a finished one leaves no timer behind.
 */
function keepTimerUntilRead(response: Response, clear: () => void, signal: AbortSignal): Response {
  if (response.body === null || !canHaveBody(response.status)) {
    clear();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (chunk.done) {
          clear();
          controller.close();
        } else {
          controller.enqueue(chunk.value);
        }
      } catch (reason) {
        clear();
        controller.error(signal.aborted ? signal.reason : reason);
      }
    },
    cancel(reason) {
      clear();
      return reader.cancel(reason);
    },
  });
  return replaceBody(response, body);
}
