import { isOktaApiError, isOktaError } from "../errors/error-guards.js";
import { printable } from "./printable.js";

/**
 * One line for standard error. For Okta's answers: status, errorCode, errorSummary, causes and errorId (what
 * Okta support asks for). Messages of this package never hold credentials; what a server wrote in them is shown
 * with its control characters escaped, on one line.
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
    return printable(parts.filter((part) => part !== undefined && part !== "").join(" "));
  }
  if (isOktaError(error) || error instanceof Error) return `error: ${printable(error.message)}`;
  return `error: ${printable(String(error))}`;
}
