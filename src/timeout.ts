import { OktaTimeoutError } from "./errors.js";
import type { FetchLayer, FetchLike } from "./fetch-like.js";
import { canHaveBody, isRead, markRead, replaceBody } from "./replace-body.js";

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
  return (next) => (request) => attempt(next, request, timeoutMs);
}

/**
 * One attempt under one deadline. The attempt's signal travels beside the request instead of in a copy of it (a
 * copy costs every call). Whichever ends the attempt first wins: the response read whole, a failure, the timer or
 * the caller's abort; the attempt rejects at once on the last two even if `next` ignores its signal.
 */
function attempt(next: FetchLike, request: Request, timeoutMs: number): Promise<Response> {
  const caller = request.signal;
  const controller = new AbortController();
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      caller.removeEventListener("abort", onCallerAbort);
      return true;
    };
    const fail = (reason: unknown) => {
      if (!settle()) return;
      controller.abort(reason);
      reject(reason);
    };
    const onCallerAbort = () => fail(caller.reason);
    const timer = setTimeout(
      () => fail(new OktaTimeoutError({ method: request.method, url: request.url }, timeoutMs)),
      timeoutMs,
    );
    if (caller.aborted) return onCallerAbort();
    caller.addEventListener("abort", onCallerAbort, { once: true });
    next(request, { signal: controller.signal })
      .then(readWhole)
      .then(
        (response) => {
          if (settle()) resolve(response);
          else response.body?.cancel().catch(() => {});
        },
        (error: unknown) => {
          if (settle()) reject(caller.aborted ? caller.reason : error);
        },
      );
  });
}

/**
 * `response` with its body read to the end, so the caller reads from memory and a body that stalls after the
 * headers times out like a silent server; marked as such for other layers. Okta's bodies are small JSON
 * documents. A response some fetch already holds in memory is returned as it is.
 */
async function readWhole(response: Response): Promise<Response> {
  if (response.body === null || !canHaveBody(response.status) || isRead(response)) return response;
  return markRead(replaceBody(response, await response.arrayBuffer()));
}
