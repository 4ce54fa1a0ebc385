import { OktaError, OktaTimeoutError } from "../errors/okta-errors.js";
import { checkDelayMs } from "./check-delay.js";
import { copyResponse, hasBody } from "./copy-response.js";
import type { FetchLayer, FetchLike } from "./fetch-like.js";
import { MAX_BODY_BYTES, MAX_ERROR_BODY_BYTES, readCapped } from "./read-capped.js";

/**
 * A transport layer that gives each attempt `timeoutMs` to deliver its whole response, headers and body (Okta's
 * bodies are small JSON documents, read into memory here: of an error's body its first 64 KiB, and an answer
 * beyond 16 MiB fails with an `OktaError`), then aborts it with an `OktaTimeoutError`. A body that breaks off
 * midway fails the attempt, where a retry layer above can repeat it. An abort of the caller's own signal still
 * rejects with that signal's reason, never with a timeout error.
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
      .then((response) => readWhole(request, response))
      .then(
        (response) => settle() && resolve(response),
        (error: unknown) => settle() && reject(caller.aborted ? caller.reason : error),
      );
  });
}

/**
 * `response` with its body read into memory, so that reading it later cannot stall or break off; an error's body
 * only up to a bound, so that one that never ends cannot hold the attempt or fill memory.
 */
async function readWhole(request: Request, response: Response): Promise<Response> {
  if (!hasBody(response)) return response;
  if (!response.ok) return copyResponse(response, await readCapped(response, MAX_ERROR_BODY_BYTES));
  const body = await readCapped(response, MAX_BODY_BYTES + 1);
  if (body.length > MAX_BODY_BYTES) {
    throw new OktaError(
      `The answer to ${request.method} ${request.url} is larger than 16 MiB; it was not read further`,
    );
  }
  return copyResponse(response, body);
}
