import { bindOperations } from "./bind-operations.js";
import type { OktaRawClient } from "./raw-client.js";
import type { Jwk, NewJwk } from "./types.js";
import type { CallOptions } from "./unwrap.js";

/** An app's client JSON Web Keys: the public keys Okta checks `private_key_jwt` assertions against. */
export interface JwksApi {
  /** Lists every key of the app, active and inactive. @see listJwk */
  list(appId: string, options?: CallOptions): Promise<Jwk[]>;
  /** Gets one key by its Okta id (`pks…`, not the JWK `kid`). @see getJwk */
  get(appId: string, keyId: string, options?: CallOptions): Promise<Jwk>;
  /** Adds a public key; it is active unless `status: "INACTIVE"` is sent. Never retried. @see addJwk */
  add(appId: string, newJwk: NewJwk, options?: CallOptions): Promise<Jwk>;
  /** Activates a key; activating an encryption key deactivates the current one. @see activateOAuth2ClientJsonWebKey */
  activate(appId: string, keyId: string, options?: CallOptions): Promise<Jwk>;
  /** Deactivates a key. @see deactivateOAuth2ClientJsonWebKey */
  deactivate(appId: string, keyId: string, options?: CallOptions): Promise<Jwk>;
  /** Deletes an inactive key. @see deletejwk */
  delete(appId: string, keyId: string, options?: CallOptions): Promise<void>;
}

/** The six key operations on an openapi-fetch client for the org at `origin`, as the operations table describes them. */
export function createJwksApi(raw: OktaRawClient, origin: string): JwksApi {
  // The table gives each method its arguments; this interface gives them their types.
  return bindOperations("jwks", raw, origin) as unknown as JwksApi;
}
