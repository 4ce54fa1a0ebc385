import { OktaTimeoutError } from "./errors.js";
import type { FetchLayer } from "./fetch-like.js";
import { canHaveBody, markRead, replaceBody } from "./replace-body.js";

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
    const clear = () => {
      clearTimeout(handle);
      request.signal.removeEventListener("abort", onCallerAbort);
    };
    if (request.signal.aborted) onCallerAbort();
    else request.signal.addEventListener("abort", onCallerAbort, { once: true });
    try {
      // The body is read within the timer too: Okta's bodies are small JSON documents, and a body that stalls
      // after the headers must time out like a silent server.
      // The attempt's signal travels beside the request instead of in a copy of it (a copy costs every call);
      // racing it also ends an attempt whose fetch ignores the signal.
      const aborted = abortion(controller.signal);
      const response = await Promise.race([next(request, { signal: controller.signal }), aborted]);
      return await readWithin(response, aborted);
    } catch (reason) {
      if (request.signal.aborted) throw request.signal.reason;
      throw timedOut ?? reason;
    } finally {
      clear();
    }
  };
}

/** A promise that rejects with `signal`'s reason once it aborts; it never resolves. */
function abortion(signal: AbortSignal): Promise<never> {
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  // Nobody may be listening when the timer fires after the attempt ended; that rejection is expected.
  aborted.catch(() => {});
  return aborted;
}

/**
 * `response` with its body read to the end, so the caller reads from memory; marked as such for other layers.
 * The read also ends when the attempt aborts, even if the body's source ignores the signal.
 */
async function readWithin(response: Response, aborted: Promise<never>): Promise<Response> {
  if (response.body === null || !canHaveBody(response.status)) return response;
  try {
    return markRead(replaceBody(response, await Promise.race([response.arrayBuffer(), aborted])));
  } catch (reason) {
    response.body.cancel(reason).catch(() => {});
    throw reason;
  }
}
