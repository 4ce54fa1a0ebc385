import { isOptionError } from "../auth/option-error.js";
import { OktaConnectionError, OktaError, type RequestTarget } from "../errors/okta-errors.js";
import { toApiError } from "./to-api-error.js";

/** Per-call options every operation takes as its last argument. */
export interface CallOptions {
  /** Aborts the call, including any retry or rate-limit wait; the call rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined;
}

/** What openapi-fetch resolves to. */
export interface FetchResult {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * Runs one openapi-fetch request and returns its 2xx result, or throws a typed error: a non-2xx answer (or one a
 * redirect led to) becomes an `OktaApiError`, a 2xx body that is not JSON an `OktaError`, a failure to get any
 * answer an `OktaConnectionError`; aborts and this package's own errors pass unchanged. `target` is worked out only
 * when an error needs it; `secrets` the request's body carried are redacted from an error's text.
 */
export async function unwrap(
  target: () => RequestTarget,
  signal: AbortSignal | null | undefined,
  request: () => Promise<FetchResult>,
  secrets: readonly string[] = [],
): Promise<FetchResult> {
  let result: FetchResult;
  try {
    result = await request();
  } catch (error) {
    if (error instanceof OktaError || isOptionError(error) || (signal?.aborted && error === signal.reason))
      throw error;
    // openapi-fetch parses a 2xx body with JSON.parse, after fetch resolved: the answer came, but not as JSON.
    if (error instanceof SyntaxError) {
      const { method, url } = target();
      throw new OktaError(`Okta's answer to ${method} ${url} is not JSON`, { cause: error });
    }
    throw new OktaConnectionError(target(), error);
  }
  // A fetch that followed a redirect although asked not to brings back another server's answer: not Okta's.
  if (!result.response.ok || result.response.redirected)
    throw toApiError(target(), result.response, result.error, secrets);
  return result;
}

/**
 * Checks the per-call options before any request is made.
 * @throws {TypeError} when `options` or `options.signal` has the wrong type.
 */
export function checkCallOptions(options: unknown): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object such as { signal }");
  }
  const { signal } = options as CallOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError("options.signal must be an AbortSignal");
  }
  return signal;
}
