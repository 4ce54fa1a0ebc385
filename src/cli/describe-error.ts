import { isOktaApiError } from "../errors/error-guards.js";
import { withCause } from "../errors/see-cause.js";
import { UsageError } from "./exit-codes.js";
import { printable, printableLines } from "./printable.js";

/** Okta's answer in one line: status, errorCode, errorSummary, causes and errorId (what Okta support asks for). */
function describeApiError(error: unknown): string | undefined {
  if (!isOktaApiError(error)) return undefined;
  const parts = [
    String(error.status),
    error.errorCode,
    error.errorSummary ?? error.response?.statusText,
    error.errorCauses.length > 0 ? `(${error.errorCauses.join("; ")})` : undefined,
    error.errorId ? `errorId=${error.errorId}` : undefined,
  ];
  return parts.filter((part) => part !== undefined && part !== "").join(" ");
}

/** What went wrong, then what its cause says (an Okta answer, a failed deploy command) in place of `(see cause)`. */
function describeChain(error: unknown): string {
  return describeApiError(error) ?? withCause(error, describeChain);
}

/**
 * What standard error shows: `error: ` and one line (what a server wrote in it with its control characters
 * escaped); a usage error may span lines, as `node:util` `parseArgs` writes them. Messages of this package never
 * hold credentials.
 */
export function describeError(error: unknown): string {
  const text = describeChain(error);
  return `error: ${error instanceof UsageError ? printableLines(text) : printable(text)}`;
}
