import { OktaTimeoutError } from "../errors.js";
import { checkDelayMs } from "./check-delay.js";
import type { FetchLayer } from "./fetch-like.js";
import { forRequests, type Layer, type Outgoing, type Send } from "./outgoing.js";
import { type HoldBody, keepBody, readableCopy, readWhole } from "./response-body.js";

/**
 * A transport layer that gives each attempt `timeoutMs` to deliver its whole response (headers and body), then
 * aborts it with an `OktaTimeoutError`. An abort of the caller's own signal still rejects with that signal's
 * reason, never with a timeout error.
 * @default timeoutMs 30_000
 * @throws {TypeError} when `timeoutMs` is not a positive number of milliseconds.
 */
export function withTimeout(timeoutMs = 30_000): FetchLayer {
  return forRequests(createTimeoutLayer(timeoutMs, readableCopy));
}

/**
 * Like {@link withTimeout}, but a body read within the deadline stays where it is: the response comes back with its
 * own body used up and the text recorded by `keepBody`, saving a copy. For the client's own calls, which read
 * that text; anything that reads the response itself must first pass it through `toReadable`.
 */
export function withTimeoutKeepingBodies(timeoutMs = 30_000): Layer {
  return createTimeoutLayer(timeoutMs, keepBody);
}

function createTimeoutLayer(timeoutMs: number, hold: HoldBody): Layer {
  checkDelayMs(timeoutMs, "timeoutMs", 1);
  return (next) => (request) => attempt(next, request, timeoutMs, hold);
}

/**
 * One attempt under one deadline. The attempt's signal travels beside the request instead of in a copy of it (a
 * copy costs every call). Whichever ends the attempt first wins: the response read whole, a failure, the timer or
 * the caller's abort; the attempt rejects at once on the last two even if `next` ignores its signal.
 */
function attempt(next: Send, request: Outgoing, timeoutMs: number, hold: HoldBody): Promise<Response> {
  const caller = request.signal;
  const controller = new AbortController();
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
      return true;
    };
    const fail = (reason: unknown) => {
      if (!settle()) return;
      controller.abort(reason);
      reject(reason);
    };
    const onCallerAbort = () => fail(caller?.reason);
    const timer = setTimeout(
      () => fail(new OktaTimeoutError({ method: request.method, url: request.url }, timeoutMs)),
      timeoutMs,
    );
    if (caller?.aborted) return onCallerAbort();
    caller?.addEventListener("abort", onCallerAbort, { once: true });
    next(request, { signal: controller.signal })
      .then((response) => readWhole(response, hold))
      .then(
        (response) => {
          if (settle()) resolve(response);
          else if (!response.bodyUsed) response.body?.cancel().catch(() => {});
        },
        (error: unknown) => {
          if (settle()) reject(caller?.aborted ? caller.reason : error);
        },
      );
  });
}
