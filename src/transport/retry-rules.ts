import { findOperation } from "../api/operations.js";
import { isOptionError } from "../auth/option-error.js";
import { isOktaConnectionError, isOktaOAuthError, isOktaTimeoutError } from "../errors/error-guards.js";

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
 * Why a failed attempt failed, if it is a failure worth another attempt: fetch rejects with a TypeError when no HTTP
 * answer arrived; the token request a private-key client makes first fails with an `OktaConnectionError` when it
 * got no answer, with an `OktaOAuthError` of status 429 or 5xx when the token endpoint was busy. Anything else
 * (refused credentials, bugs), and the TypeError of an option found wrong on the call ({@link isOptionError}), is
 * not retried.
 */
export function errorReason(error: unknown): RetryReason | undefined {
  if (isOktaTimeoutError(error)) return "timeout";
  if (isOktaConnectionError(error)) return "network";
  if (isOktaOAuthError(error)) return isRetryableStatus(error.status) ? error.status : undefined;
  return error instanceof TypeError && !isOptionError(error) ? "network" : undefined;
}

/**
 * Whether `error` ended an attempt before its request was sent: only the token request a private-key client makes
 * first fails with these, so the request never reached Okta.
 */
export function failedBeforeSending(error: unknown): boolean {
  return isOktaConnectionError(error) || isOktaOAuthError(error);
}

/**
 * Whether `request` may be sent again after a failure for `reason`, by the table above and the operations table;
 * any request may, when it was never `sent`.
 */
export function mayRetry(
  request: Pick<Request, "method" | "url">,
  reason: RetryReason,
  sent = true,
): boolean {
  const scope = sent ? RETRY_SCOPE[reason] : "any";
  if (scope === "any") return true;
  if (scope !== "repeatable") return false;
  const operation = findOperation(request.method, new URL(request.url).pathname);
  return operation ? operation.repeatable : REPEATABLE_METHODS.has(request.method.toUpperCase());
}
