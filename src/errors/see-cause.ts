const SEE_CAUSE = " (see cause)";

/** The error a message points at with "(see cause)", which says what went wrong; `undefined` for any other. */
export function pointedCause(error: unknown): unknown {
  return error instanceof Error && error.message.endsWith(SEE_CAUSE) ? error.cause : undefined;
}

/**
 * `error`'s message on one line of a log or report, with what its cause says (told by `tell`, by default its
 * message) in place of "(see cause)".
 */
export function withCause(error: unknown, tell: (cause: unknown) => string = messageOf): string {
  const message = messageOf(error);
  const cause = pointedCause(error);
  return cause === undefined ? message : `${message.slice(0, -SEE_CAUSE.length)}: ${tell(cause)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
