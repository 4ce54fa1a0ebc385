import { OktaConnectionError, OktaError, type RequestTarget } from "./errors.js";
import { toApiError } from "./to-api-error.js";

/** Per-call options every operation takes as its last argument. */
export interface CallOptions {
  /** Aborts the call, including any retry or rate-limit wait; the call rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** What openapi-fetch resolves to, reduced to what {@link call} reads. */
export interface FetchResult<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * Runs one request and turns its outcome into the operation's result or a typed error: non-2xx becomes
 * `OktaApiError`, a failure to get any answer `OktaConnectionError`; aborts and this package's own errors pass.
 */
export async function call<T>(
  target: RequestTarget,
  signal: AbortSignal | null,
  send: () => Promise<FetchResult<T>>,
): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await send();
  } catch (error) {
    if (error instanceof OktaError || (signal?.aborted && error === signal.reason)) throw error;
    throw new OktaConnectionError(target, error);
  }
  if (!result.response.ok) throw toApiError(target, result.response, result.error);
  // A 2xx always carries the documented body, except 204, where `T` is `undefined` too.
  return result.data as T;
}

/**
 * Checks the per-call options before any request is made.
 * @throws {TypeError} when `options` or `options.signal` has the wrong type.
 */
export function checkCallOptions(options: CallOptions | undefined): AbortSignal | null {
  if (options === undefined) return null;
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object such as { signal }");
  }
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError("options.signal must be an AbortSignal");
  }
  return signal ?? null;
}
