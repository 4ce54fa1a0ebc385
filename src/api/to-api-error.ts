import { OktaApiError, type OktaErrorBody, type RequestTarget } from "../errors/okta-errors.js";
import { retryAfterDate } from "../transport/rate-limit.js";
import { isRedirect } from "../transport/with-no-redirects.js";

// Redirects are never followed, so that credentials stay on the org; a browser reports them as opaque.
const REDIRECT_SUMMARY = "Redirect not followed: requests with credentials stay on the org";

/**
 * Builds the `OktaApiError` for a non-2xx response from the body openapi-fetch already read: Okta's JSON error,
 * some other JSON, text (a proxy's HTML page) or nothing at all.
 */
export function toApiError(target: RequestTarget, response: Response, body: unknown): OktaApiError {
  const redirect = isRedirect(response);
  return new OktaApiError({
    ...(redirect ? { errorSummary: REDIRECT_SUMMARY, errorCauses: [] } : readErrorBody(body)),
    status: response.status,
    requestId: response.headers.get("X-Okta-Request-Id") ?? undefined,
    retryAfter: response.status === 429 ? retryAfterDate(response) : undefined,
    request: target,
    response,
  });
}

/** Reads Okta's error fields from a parsed body, keeping only values of the right type. */
export function readErrorBody(body: unknown): OktaErrorBody {
  if (typeof body !== "object" || body === null) return { errorCauses: [] };
  const fields = body as Record<string, unknown>;
  return {
    errorCode: stringOrUndefined(fields.errorCode),
    errorSummary: stringOrUndefined(fields.errorSummary),
    errorLink: stringOrUndefined(fields.errorLink),
    errorId: stringOrUndefined(fields.errorId),
    errorCauses: Array.isArray(fields.errorCauses) ? fields.errorCauses.flatMap(causeSummary) : [],
  };
}

function causeSummary(cause: unknown): string[] {
  const summary =
    typeof cause === "object" && cause !== null ? (cause as { errorSummary?: unknown }).errorSummary : cause;
  return typeof summary === "string" && summary !== "" ? [summary] : [];
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
