import type { JWK } from "jose";
import type { CryptoKeyLike } from "../keys/crypto-key-like.js";
import type { FetchLike } from "../transport/fetch-like.js";

/** Scopes asked for when `scopes` is not given: everything the Application SSO Public Keys API needs. */
export const DEFAULT_SCOPES: readonly string[] = ["okta.apps.read", "okta.apps.manage"];

/**
 * Options for authenticating as an Okta API Services app with `private_key_jwt` (OAuth 2.0 client credentials),
 * optionally with DPoP-bound access tokens.
 * @see https://developer.okta.com/docs/guides/implement-oauth-for-okta-serviceapp/main/
 */
export interface PrivateKeyAuth {
  readonly type: "privateKey";
  /** The service app's client id (`0oa…`). */
  readonly clientId: string;
  /**
   * The private key whose public half is registered on the app: a PEM string (PKCS#8 `BEGIN PRIVATE KEY`, or PKCS#1
   * `BEGIN RSA PRIVATE KEY`), a private JWK (RSA or EC, with `d`), or a CryptoKey with the `sign` usage.
   */
  readonly privateKey: string | JWK | CryptoKeyLike;
  /**
   * The `kid` put in the client assertion header; Okta needs it when the app has several keys.
   * @default the JWK's `kid`, otherwise none
   */
  readonly keyId?: string;
  /**
   * Scopes requested for the access token; each must be granted to the app.
   * @default ["okta.apps.read", "okta.apps.manage"]
   */
  readonly scopes?: readonly string[];
  /**
   * Whether to bind tokens to a per-client key with DPoP: `true` always, `false` never, `"auto"` as soon as the
   * token endpoint says the app requires it (`invalid_dpop_proof`).
   * @default "auto"
   * @see https://www.rfc-editor.org/rfc/rfc9449
   */
  readonly dpop?: boolean | "auto";
  /**
   * The token endpoint.
   * @default `${orgUrl}/oauth2/v1/token`
   */
  readonly tokenUrl?: string;
  /**
   * The client assertion's JWS algorithm: RS256, RS384 or RS512 for RSA keys; EC keys always use their curve's.
   * @default "RS256" for RSA (or the JWK's `alg`), ES256/ES384/ES512 for P-256/P-384/P-521
   */
  readonly algorithm?: string;
}

/** What the client hands the authenticator besides the options. */
export interface PrivateKeyAuthContext {
  /** The org URL, such as `https://acme.okta.com`: https, or plain http to a loopback host. */
  readonly orgUrl: string;
  /** The fetch used for token requests: the user's fetch with the timeout layer, never the auth layer. */
  readonly fetch: FetchLike;
  /**
   * The clock, in milliseconds since the epoch.
   * @default Date.now
   */
  readonly now?: () => number;
}
