import { OktaOAuthError } from "../../errors/okta-errors.js";
import { MAX_ERROR_BODY_BYTES, readCappedText } from "../../transport/read-capped.js";
import { redact } from "../../transport/redact.js";

const MAX_DESCRIPTION_LENGTH = 300;

/**
 * Turns a failed token response into an {@link OktaOAuthError}, reading RFC 6749 `error`/`error_description`.
 * A body that is not an OAuth error still gives a clear error (`unexpected_response`) without quoting the body.
 * `sent` are the credentials the token request carried (its assertion, its DPoP proof): a server that repeats
 * them gets `[redacted]` shown instead, as it does for anything shaped like a JWT.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export async function readOAuthError(
  response: Response,
  tokenUrl: string,
  sent: readonly string[] = [],
): Promise<OktaOAuthError> {
  const body = await readJson(response);
  const error = typeof body?.error === "string" && body.error !== "" ? body.error : undefined;
  if (!error) {
    const type = response.headers.get("Content-Type")?.split(";")[0] || "no content type";
    const errorDescription = `the token endpoint answered ${response.status} with ${type}, not an OAuth error`;
    return new OktaOAuthError({
      status: response.status,
      error: "unexpected_response",
      errorDescription,
      tokenUrl,
    });
  }
  const description =
    typeof body?.error_description === "string" ? shorten(redact(body.error_description, sent)) : undefined;
  return new OktaOAuthError({
    status: response.status,
    error: redact(error, sent),
    errorDescription: description,
    tokenUrl,
  });
}

/**
 * Reads a JSON object body, or `undefined` when the body is not one. Token answers are small: a body beyond 64 KiB
 * is not read further (and is then not JSON), whatever fetch delivers it.
 */
export async function readJson(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await readCappedText(response, MAX_ERROR_BODY_BYTES));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function shorten(description: string): string {
  return description.length > MAX_DESCRIPTION_LENGTH
    ? `${description.slice(0, MAX_DESCRIPTION_LENGTH)}…`
    : description;
}
