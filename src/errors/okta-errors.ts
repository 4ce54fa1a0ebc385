import {
  apiErrorMessage,
  cleanErrorBody,
  describeCause,
  describeTarget,
  type OktaErrorBody,
  type RequestTarget,
  serverText,
} from "./error-text.js";

export type { OktaErrorBody, RequestTarget };

/** Base class of every error this package throws on purpose. */
export class OktaError extends Error {
  override name = "OktaError";
}

/** What an {@link OktaApiError} is built from. */
export interface OktaApiErrorInit extends OktaErrorBody {
  readonly status: number;
  readonly request: RequestTarget;
  readonly response: Response;
  readonly requestId?: string | undefined;
  readonly retryAfter?: Date | undefined;
}

/**
 * Okta answered with a status other than 2xx: a 4xx, a 5xx, or a 3xx that was deliberately not followed. What the
 * server said is shown with anything shaped like a JWT as `[redacted]`, control characters as spaces, each string
 * cut to 1,000 characters (with an ellipsis) and at most 10 causes, so the message stays a few kB.
 */
export class OktaApiError extends OktaError {
  override name = "OktaApiError" as const;
  /** HTTP status of the response. */
  readonly status: number;
  /** Okta's error code, such as `E0000007`. */
  readonly errorCode: string | undefined;
  /** Okta's one-line summary of the error. */
  readonly errorSummary: string | undefined;
  /** Okta's link (usually the code again). */
  readonly errorLink: string | undefined;
  /** Okta's id for this error occurrence: what Okta support asks for. */
  readonly errorId: string | undefined;
  /** The `errorSummary` of every entry of Okta's `errorCauses`: where validation detail lives. */
  readonly errorCauses: readonly string[];
  /** The `X-Okta-Request-Id` response header. */
  readonly requestId: string | undefined;
  /** For a 429: when the rate-limit window resets, in local time. */
  readonly retryAfter: Date | undefined;
  /** Method and URL of the failed call. */
  readonly request: RequestTarget;
  /** The response itself (its body already read); not enumerable, so logs and JSON stay small. */
  declare readonly response: Response;

  constructor(init: OktaApiErrorInit) {
    const body = cleanErrorBody(init);
    super(apiErrorMessage(init.status, body, init.response.statusText, init.request));
    this.status = init.status;
    this.errorCode = body.errorCode;
    this.errorSummary = body.errorSummary;
    this.errorLink = body.errorLink;
    this.errorId = body.errorId;
    this.errorCauses = body.errorCauses;
    this.requestId = serverText(init.requestId);
    this.retryAfter = init.retryAfter;
    this.request = init.request;
    Object.defineProperty(this, "response", { value: init.response, enumerable: false });
  }
}

/** The request never got an HTTP answer: DNS, TCP, TLS or a dropped connection. */
export class OktaConnectionError extends OktaError {
  override name = "OktaConnectionError" as const;
  /** Method and URL of the failed call. */
  readonly request: RequestTarget;

  constructor(request: RequestTarget, cause: unknown) {
    super(`Could not reach Okta: ${describeCause(cause)} (${describeTarget(request)})`, { cause });
    this.request = request;
  }
}

/** One attempt took longer than the configured `timeoutMs`. */
export class OktaTimeoutError extends OktaError {
  override name = "OktaTimeoutError" as const;
  /** Method and URL of the call that timed out. */
  readonly request: RequestTarget;
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;

  constructor(request: RequestTarget, timeoutMs: number) {
    super(`Okta did not answer within ${timeoutMs} ms (${describeTarget(request)})`);
    this.request = request;
    this.timeoutMs = timeoutMs;
  }
}

/** What an {@link OktaOAuthError} is built from. */
export interface OktaOAuthErrorInit {
  readonly status: number;
  readonly error: string;
  readonly errorDescription?: string | undefined;
  readonly tokenUrl: string;
  /** What the caller can do about it, appended to the message; never carries a credential. */
  readonly hint?: string | undefined;
}

/**
 * The OAuth 2.0 token endpoint refused to issue an access token. Its `error` and `error_description` are shown
 * with anything shaped like a JWT as `[redacted]`, control characters as spaces, cut to 1,000 characters.
 */
export class OktaOAuthError extends OktaError {
  override name = "OktaOAuthError" as const;
  /** HTTP status of the token response. */
  readonly status: number;
  /** The OAuth `error` code, such as `invalid_client`. */
  readonly error: string;
  /** The OAuth `error_description`, when given. */
  readonly errorDescription: string | undefined;
  /** The token endpoint that answered. */
  readonly tokenUrl: string;

  constructor(init: OktaOAuthErrorInit) {
    const error = serverText(init.error) ?? "";
    const description = serverText(init.errorDescription);
    const detail = description ? `: ${description}` : "";
    const hint = init.hint ? ` ${init.hint}` : "";
    super(`${init.status} ${error}${detail} (POST ${init.tokenUrl})${hint}`);
    this.status = init.status;
    this.error = error;
    this.errorDescription = description;
    this.tokenUrl = init.tokenUrl;
  }
}
