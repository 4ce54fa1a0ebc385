import { OktaTimeoutError } from "./errors.js";
import type { FetchLayer } from "./fetch-like.js";

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
    const timer = new AbortController();
    const error = new OktaTimeoutError({ method: request.method, url: request.url }, timeoutMs);
    const handle = setTimeout(() => timer.abort(error), timeoutMs);
    const signal = anySignal([request.signal, timer.signal]);
    let response: Response;
    try {
      response = await next(new Request(request, { signal }));
    } catch (reason) {
      clearTimeout(handle);
      if (request.signal.aborted) throw request.signal.reason;
      throw timer.signal.aborted ? error : reason;
    }
    return keepTimerUntilRead(response, () => clearTimeout(handle), timer.signal);
  };
}

/**
 * Returns `response` with a body that clears the timer once read to the end (or cancelled), so a body that
 * stalls after the headers still times out and a finished one leaves no timer behind.
 */
function keepTimerUntilRead(response: Response, clear: () => void, timeout: AbortSignal): Response {
  if (response.body === null) {
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
        controller.error(timeout.aborted ? timeout.reason : reason);
      }
    },
    cancel(reason) {
      clear();
      return reader.cancel(reason);
    },
  });
  const wrapped = new Response(body, response);
  Object.defineProperty(wrapped, "url", { value: response.url });
  return wrapped;
}

/** `AbortSignal.any`, with a small fallback for runtimes that lack it. */
function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === "function") return AbortSignal.any([...signals]);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
