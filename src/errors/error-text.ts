import { redact } from "../transport/redact.js";

/** Where a failed call was going: enough to find it in logs, never its headers or body. */
export interface RequestTarget {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Absolute URL of the call; it never carries credentials. */
  readonly url: string;
}

/** Fields Okta puts in an error body, already parsed; every one may be missing on a non-Okta response. */
export interface OktaErrorBody {
  readonly errorCode?: string | undefined;
  readonly errorSummary?: string | undefined;
  readonly errorLink?: string | undefined;
  readonly errorId?: string | undefined;
  readonly errorCauses: readonly string[];
}

/** The longest string from a server an error shows, in characters: Okta's own are a few hundred at most. */
export const MAX_SERVER_TEXT = 1_000;
/** The most `errorCauses` an error keeps. */
export const MAX_CAUSES = 10;
/** The longest URL a message shows (a next link could be as long as a header may be). */
const MAX_URL = 2_000;

/** `text` cut to `max` characters, with an ellipsis when it was longer. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never keep half of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** A string a server sent, as an error shows it: redacted, and cut to {@link MAX_SERVER_TEXT} characters. */
export function serverText(text: string): string;
export function serverText(text: string | undefined): string | undefined;
export function serverText(text: string | undefined): string | undefined {
  return text === undefined ? undefined : shorten(redact(text), MAX_SERVER_TEXT);
}

/** Okta's error fields as an error keeps them: each a {@link serverText}, at most {@link MAX_CAUSES} causes. */
export function cleanErrorBody(body: OktaErrorBody): OktaErrorBody {
  return {
    errorCode: serverText(body.errorCode),
    errorSummary: serverText(body.errorSummary),
    errorLink: serverText(body.errorLink),
    errorId: serverText(body.errorId),
    errorCauses: body.errorCauses.slice(0, MAX_CAUSES).map((cause) => serverText(cause)),
  };
}

/** `GET https://…`: where a call went, as a message names it. */
export function describeTarget(request: RequestTarget): string {
  return `${request.method} ${shorten(request.url, MAX_URL)}`;
}

/** The message of an `OktaApiError`: status, code, summary (else the status text), causes, and the call. */
export function apiErrorMessage(
  status: number,
  body: OktaErrorBody,
  statusText: string,
  request: RequestTarget,
): string {
  const summary = body.errorSummary ?? serverText(statusText);
  const head = [String(status), body.errorCode, summary].filter((part) => part !== undefined && part !== "");
  const causes =
    body.errorCauses.length > 0 ? `: ${shorten(body.errorCauses.join("; "), MAX_SERVER_TEXT)}` : "";
  return `${head.join(" ")}${causes} (${describeTarget(request)})`;
}

/** Why a request got no answer, from fetch's error: undici hides the socket's reason in `cause`. */
export function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return serverText(String(cause));
  // undici wraps the socket error ("ECONNREFUSED", "UND_ERR_SOCKET") in `cause` under a bare "fetch failed".
  const inner = cause.cause instanceof Error ? cause.cause : undefined;
  const code = (inner as { code?: unknown } | undefined)?.code;
  const text = inner
    ? `${cause.message} (${typeof code === "string" ? code : inner.message})`
    : cause.message;
  return serverText(text);
}
