import { isOktaApiError, isOktaOAuthError } from "../errors/error-guards.js";
import { pointedCause } from "../errors/see-cause.js";

/** The CLI's documented exit codes. */
export const EXIT = {
  /** Everything asked for was done. */
  ok: 0,
  /** Okta refused the request, or could not be reached; a fleet rotation in which any app failed. */
  apiError: 1,
  /** The command line was wrong: unknown flag, missing argument. */
  usage: 2,
  /** Configuration or authentication: no org, no credentials, an unusable private key, a token Okta rejects. */
  config: 3,
  /** `audit` ran and found something its policy reports (so CI can gate on it). */
  findings: 4,
} as const;

/** A mistake on the command line; printed with a pointer to `--help`. */
export class UsageError extends Error {
  override name = "UsageError" as const;
}

/** Missing or unusable configuration: org URL, credentials, files. */
export class ConfigError extends Error {
  override name = "ConfigError" as const;
}

/**
 * Maps what a command threw to the exit code the CLI ends with; an error that points at its cause (a rotation that
 * stopped on an Okta answer, say) ends with the cause's code.
 */
export function exitCodeFor(error: unknown): number {
  const cause = pointedCause(error);
  if (cause !== undefined) return exitCodeFor(cause);
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof ConfigError || isOktaOAuthError(error)) return EXIT.config;
  if (error instanceof TypeError) return EXIT.usage;
  // 401 means the credentials themselves are wrong: a configuration problem, not a failed operation.
  if (isOktaApiError(error) && error.status === 401) return EXIT.config;
  return EXIT.apiError;
}
