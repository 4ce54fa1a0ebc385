import { OktaTimeoutError } from "../errors.js";
import { checkDelayMs } from "./check-delay.js";
import { copyResponse, hasBody } from "./copy-response.js";
import type { FetchLayer, FetchLike } from "./fetch-like.js";

/**
 * A transport layer that gives each attempt `timeoutMs` to deliver its whole response, headers and body (Okta's
 * bodies are small JSON documents, read into memory here), then aborts it with an `OktaTimeoutError`. A body that
 * breaks off midway fails the attempt, where a retry layer above can repeat it. An abort of the caller's own
 * signal still rejects with that signal's reason, never with a timeout error.
 * @default timeoutMs 30_000
 * @throws {TypeError} when `timeoutMs` is not a number of milliseconds from 1 to 2^31 - 1.
 */
export function withTimeout(timeoutMs = 30_000): FetchLayer {
  checkDelayMs(timeoutMs, "timeoutMs", 1);
  return (next) => (request, init) => attempt(next, request, init?.signal ?? request.signal, timeoutMs);
}

/**
 * One attempt under one deadline: whichever ends it first wins, the response read whole, a failure, the timer or
 * the caller's abort; the attempt rejects at once on the last two even if `next` ignores its signal.
 */
function attempt(
  next: FetchLike,
  request: Request,
  caller: AbortSignal,
  timeoutMs: number,
): Promise<Response> {
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
        (response) => settle() && resolve(response),
        (error: unknown) => settle() && reject(caller.aborted ? caller.reason : error),
      );
  });
}

/** `response` with its body read into memory, so that reading it later cannot stall or break off. */
async function readWhole(response: Response): Promise<Response> {
  if (!hasBody(response)) return response;
  return copyResponse(response, await response.arrayBuffer());
}
