import { OktaOAuthError } from "../../errors/okta-errors.js";
import { HEADER_SAFE_TOKEN } from "../static-token.js";
import { readJson } from "./read-oauth-error.js";

/** An access token as the token endpoint issued it. */
export interface TokenGrant {
  readonly accessToken: string;
  /** `DPoP` when the token is bound to the DPoP key, else `Bearer`. */
  readonly tokenType: "Bearer" | "DPoP";
  /** Lifetime in seconds, from `expires_in`. */
  readonly expiresIn: number;
  /** Local time (ms) when the token request was sent: the token cannot have been issued earlier. */
  readonly requestedAt: number;
}

/** Lifetime assumed when a token response omits `expires_in` (it is only RECOMMENDED by RFC 6749 §5.1). */
export const DEFAULT_EXPIRES_IN_SECONDS = 300;

const TOKEN_TYPES: Readonly<Record<string, TokenGrant["tokenType"]>> = { bearer: "Bearer", dpop: "DPoP" };

/**
 * Reads a successful token response; one without a usable token (or with one that cannot be a header value) becomes
 * an {@link OktaOAuthError}.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export async function readTokenGrant(
  response: Response,
  tokenUrl: string,
  requestedAt: number,
): Promise<TokenGrant> {
  const body = await readJson(response);
  const accessToken = body?.access_token;
  const tokenType =
    typeof body?.token_type === "string" ? TOKEN_TYPES[body.token_type.toLowerCase()] : undefined;
  const expiresIn = body?.expires_in === undefined ? DEFAULT_EXPIRES_IN_SECONDS : Number(body.expires_in);
  const refuse = (errorDescription: string) =>
    new OktaOAuthError({
      status: response.status,
      error: "invalid_token_response",
      errorDescription,
      tokenUrl,
    });
  if (typeof accessToken !== "string" || accessToken === "" || !tokenType || !(expiresIn > 0)) {
    throw refuse("the token endpoint did not answer with an access token, a known token_type and expires_in");
  }
  // Never quoted: it is a credential, and one with a line break would split the header it goes into.
  if (!HEADER_SAFE_TOKEN.test(accessToken)) {
    throw refuse("the access token is not printable ASCII, so it cannot be sent in a header");
  }
  return { accessToken, tokenType, expiresIn, requestedAt };
}
