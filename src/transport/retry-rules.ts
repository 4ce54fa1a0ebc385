import { isOptionError } from "../auth/option-error.js";
import { isOktaTimeoutError } from "../errors.js";

/** Why an attempt failed in a way the retry layer considers: an HTTP status, a network error or a timeout. */
export type RetryReason = number | "network" | "timeout";

/**
 * Which failures earn another attempt, and for which operations. A 429 means Okta did not run the request, so
 * every operation may repeat it; after a 5xx, a dropped connection or a timeout the request may have run, so only
 * operations that leave Okta in the same state when repeated ({@link REPEATABLE}) try again.
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
 * Operations safe to send twice. POST `…/credentials/jwks` and `…/credentials/secrets` are absent on purpose:
 * a second attempt could create a second key or secret. A rule without a path covers every path of its method.
 */
const REPEATABLE: ReadonlyArray<{ readonly method: string; readonly path?: RegExp }> = [
  { method: "GET" },
  { method: "HEAD" },
  { method: "DELETE" },
  { method: "POST", path: /\/lifecycle\/(?:activate|deactivate)$/ },
];

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

/** Whether `request` may be sent again after a failure for `reason`, by the tables above. */
export function mayRetry(request: Pick<Request, "method" | "url">, reason: RetryReason): boolean {
  const scope = RETRY_SCOPE[reason];
  if (scope === "any") return true;
  if (scope !== "repeatable") return false;
  // Only a rule for some paths needs the URL parsed.
  const rule = REPEATABLE.find((candidate) => candidate.method === request.method);
  return rule !== undefined && (rule.path === undefined || rule.path.test(new URL(request.url).pathname));
}
