import { OktaApiError, type OktaErrorBody, type RequestTarget } from "../errors/okta-errors.js";
import { copyResponse } from "../transport/copy-response.js";
import { retryAfterDate } from "../transport/rate-limit.js";
import { withoutSecrets } from "../transport/redact.js";
import { redactedHead } from "../transport/redact-response.js";
import { isRedirect } from "../transport/with-no-redirects.js";

// Redirects are never followed, so that credentials stay on the org; a browser reports them as opaque.
const REDIRECT_SUMMARY = "Redirect not followed: requests with credentials stay on the org";

/**
 * Builds the `OktaApiError` for a non-2xx response from the body openapi-fetch already read: Okta's JSON error,
 * some other JSON, text (a proxy's HTML page) or nothing at all. Each of `secrets` (what the request's body carried,
 * such as a supplied client secret) is replaced by `[redacted]` wherever the body repeats it.
 */
export function toApiError(
  target: RequestTarget,
  response: Response,
  body: unknown,
  secrets: readonly string[] = [],
): OktaApiError {
  const redirect = isRedirect(response);
  // The body is read already; the copy only keeps the secrets out of the headers and status text it shows.
  const shown =
    secrets.length === 0 ? response : copyResponse(response, null, redactedHead(response, secrets));
  return new OktaApiError({
    ...(redirect ? { errorSummary: REDIRECT_SUMMARY, errorCauses: [] } : readErrorBody(body, secrets)),
    status: response.status,
    requestId: shown.headers.get("X-Okta-Request-Id") ?? undefined,
    retryAfter: response.status === 429 ? retryAfterDate(response) : undefined,
    request: target,
    response: shown,
  });
}

/**
 * Reads Okta's error fields from a parsed body, keeping only values of the right type, each of `secrets` in them
 * replaced by `[redacted]`.
 */
export function readErrorBody(body: unknown, secrets: readonly string[] = []): OktaErrorBody {
  if (typeof body !== "object" || body === null) return { errorCauses: [] };
  const fields = body as Record<string, unknown>;
  const text = (value: unknown) =>
    typeof value === "string" && value !== "" ? withoutSecrets(value, secrets) : undefined;
  const causes = Array.isArray(fields.errorCauses) ? fields.errorCauses.map(causeSummary) : [];
  return {
    errorCode: text(fields.errorCode),
    errorSummary: text(fields.errorSummary),
    errorLink: text(fields.errorLink),
    errorId: text(fields.errorId),
    errorCauses: causes.flatMap((cause) => text(cause) ?? []),
  };
}

function causeSummary(cause: unknown): unknown {
  return typeof cause === "object" && cause !== null
    ? (cause as { errorSummary?: unknown }).errorSummary
    : cause;
}
