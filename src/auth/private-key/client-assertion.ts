import { SignJWT } from "jose";

/** How long a client assertion is valid: Okta refuses more than an hour; five minutes bounds replay. */
export const ASSERTION_LIFETIME_SECONDS = 300;

/** What a `private_key_jwt` client assertion is made from. */
export interface ClientAssertionInit {
  readonly clientId: string;
  /** The token endpoint URL, which is the assertion's audience. */
  readonly tokenUrl: string;
  readonly key: CryptoKey;
  readonly alg: string;
  readonly kid: string | undefined;
  /** The current time in milliseconds. */
  readonly now: number;
}

/**
 * Signs a fresh client assertion: `iss` = `sub` = client id, `aud` = token URL, a five-minute `exp`, a unique `jti`.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 * @see https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/#jwt-with-private-key
 */
export function createClientAssertion(init: ClientAssertionInit): Promise<string> {
  const issuedAt = Math.floor(init.now / 1000);
  return new SignJWT({})
    .setProtectedHeader(init.kid ? { alg: init.alg, kid: init.kid } : { alg: init.alg })
    .setIssuer(init.clientId)
    .setSubject(init.clientId)
    .setAudience(init.tokenUrl)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ASSERTION_LIFETIME_SECONDS)
    .setJti(crypto.randomUUID())
    .sign(init.key);
}
