// A DPoP challenge whose error parameter is use_dpop_nonce, quoted or not (RFC 9110 §11.6.1 auth-param).
const NONCE_CHALLENGE = /(?:^|,)\s*DPoP\s[\s\S]*?\berror\s*=\s*"?use_dpop_nonce"?/i;

/**
 * The nonce a resource server demands, when `response` is its 401 `use_dpop_nonce` challenge with a `DPoP-Nonce`.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-9
 */
export function readDpopNonceChallenge(response: Response): string | undefined {
  if (response.status !== 401) return undefined;
  const challenge = response.headers.get("WWW-Authenticate");
  const nonce = response.headers.get("DPoP-Nonce");
  return challenge && nonce && NONCE_CHALLENGE.test(challenge) ? nonce : undefined;
}
