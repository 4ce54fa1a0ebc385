import { findOperation } from "../api/operations.js";
import { isOptionError } from "../auth/option-error.js";
import { isOktaTimeoutError } from "../errors/error-guards.js";

/** Why an attempt failed in a way the retry layer considers: an HTTP status, a network error or a timeout. */
export type RetryReason = number | "network" | "timeout";

/**
 * Which failures earn another attempt, and for which operations. A 429 means Okta did not run the request, so
 * every operation may repeat it; after a 5xx, a dropped connection or a timeout the request may have run, so only
 * operations that leave Okta in the same state when repeated try again.
 */
const RETRY_SCOPE: Readonly<Record<string, "any" | "repeatable">> = {
  429: "any",
  500: "repeatable",
  502: "repeatable",
  503: "repeatable",
  504: "repeatable",
  network: "repeatable",
  timeout: "repeatable",
};

/**
 * Methods safe to send twice on a URL that is none of the twelve operations (a page of a list, say); for the
 * operations themselves, the operations table says.
 */
const REPEATABLE_METHODS = new Set(["GET", "HEAD", "DELETE"]);

/** Whether a response status is one the retry layer may act on (429 and the transient 5xx). */
export function isRetryableStatus(status: number): boolean {
  return RETRY_SCOPE[status] !== undefined;
}

/**
 * fetch rejects with a TypeError when no HTTP answer arrived; anything else (auth errors, bugs), and the TypeError
 * of an option found wrong on the call ({@link isOptionError}), is not retried.
 */
export function errorReason(error: unknown): RetryReason | undefined {
  if (isOktaTimeoutError(error)) return "timeout";
  return error instanceof TypeError && !isOptionError(error) ? "network" : undefined;
}

/** Whether `request` may be sent again after a failure for `reason`, by the table above and the operations table. */
export function mayRetry(request: Pick<Request, "method" | "url">, reason: RetryReason): boolean {
  const scope = RETRY_SCOPE[reason];
  if (scope === "any") return true;
  if (scope !== "repeatable") return false;
  const operation = findOperation(request.method, new URL(request.url).pathname);
  return operation ? operation.repeatable : REPEATABLE_METHODS.has(request.method.toUpperCase());
}
