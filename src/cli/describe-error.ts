import { isOktaApiError, isOktaError } from "../errors/okta-errors.js";

/**
 * One line for standard error. For Okta's answers: status, errorCode, errorSummary, causes and errorId (what
 * Okta support asks for). Messages of this package never hold credentials, so they are printed as they are.
 */
export function describeError(error: unknown): string {
  if (isOktaApiError(error)) {
    const parts = [
      `error: ${error.status}`,
      error.errorCode,
      error.errorSummary ?? error.response?.statusText,
      error.errorCauses.length > 0 ? `(${error.errorCauses.join("; ")})` : undefined,
      error.errorId ? `errorId=${error.errorId}` : undefined,
    ];
    return parts.filter((part) => part !== undefined && part !== "").join(" ");
  }
  if (isOktaError(error) || error instanceof Error) return `error: ${error.message}`;
  return `error: ${String(error)}`;
}
