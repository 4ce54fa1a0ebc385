// Errors of this package's own option checks that surface only on a call, from inside the transport (the
// private-key option is checked in depth once its code has loaded). Kept by identity, so that a TypeError from
// fetch itself, which is how fetch reports a network failure, is never taken for one.
const OPTION_ERRORS = new WeakSet<TypeError>();

/**
 * Marks `error`, when it is a TypeError, as a mistake in the client's options found on a call: the call then rejects
 * with it as it is, neither retried as a network failure nor wrapped in an `OktaConnectionError`.
 */
export function markOptionError(error: unknown): unknown {
  if (error instanceof TypeError) OPTION_ERRORS.add(error);
  return error;
}

/** Whether `error` was marked by {@link markOptionError}. */
export function isOptionError(error: unknown): error is TypeError {
  return error instanceof TypeError && OPTION_ERRORS.has(error);
}
