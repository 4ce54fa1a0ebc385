import { isOptionError } from "../auth/option-error.js";
import { OktaConnectionError, OktaError, type RequestTarget } from "../errors.js";
import { keptBody } from "../transport/response-body.js";
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
 * Runs one request and returns its 2xx result, or throws a typed error: non-2xx becomes `OktaApiError`, a failure
 * to get any answer `OktaConnectionError`; aborts and this package's own errors pass unchanged. `target` may be a
 * function for requests whose URL is only known once sent (pages of a list).
 */
export async function send<T>(
  target: RequestTarget | (() => RequestTarget),
  signal: AbortSignal | null | undefined,
  request: () => Promise<FetchResult<T>>,
): Promise<FetchResult<T>> {
  const where = () => (typeof target === "function" ? target() : target);
  let result: FetchResult<T>;
  try {
    result = await request();
  } catch (error) {
    if (error instanceof OktaError || isOptionError(error) || (signal?.aborted && error === signal.reason))
      throw error;
    throw new OktaConnectionError(where(), error);
  }
  if (!result.response.ok) throw toApiError(where(), result.response, result.error);
  return result;
}

/**
 * Per-call options that make openapi-fetch leave a 2xx body alone, because the client's transport already read it
 * into memory and {@link call} parses that text. Typed as no options, so that a call keeps its operation's data type.
 */
export const BODY_IN_MEMORY = { parseAs: "stream" } as Record<never, never>;

/**
 * Like {@link send}, for a request made with {@link BODY_IN_MEMORY}: resolves to the operation's result, the JSON
 * body the transport kept, or `undefined` for 204.
 * @throws {OktaError} when a 2xx body is not JSON.
 */
export async function call<T>(
  target: RequestTarget | (() => RequestTarget),
  signal: AbortSignal | null,
  request: () => Promise<FetchResult<T>>,
): Promise<T> {
  const { response } = await send(target, signal, request);
  const text = keptBody(response);
  if (!text) return undefined as T;
  try {
    // A 2xx always carries the documented body, except 204, where `T` is `undefined` too.
    return JSON.parse(text) as T;
  } catch (error) {
    const { method, url } = typeof target === "function" ? target() : target;
    throw new OktaError(`Okta's answer to ${method} ${url} is not JSON`, { cause: error });
  }
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
