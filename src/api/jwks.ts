import { checkNewJwk } from "./check-new-jwk.js";
import { checkId } from "./ids.js";
import { toJwkList } from "./jwk-list.js";
import { operationNamed } from "./operations.js";
import type { OktaRawClient } from "./raw-client.js";
import { toTarget } from "./target.js";
import type { Jwk, NewJwk } from "./types.js";

const JWKS = operationNamed("jwks.list").path;
const JWK = operationNamed("jwks.get").path;
const JWK_ACTIVATE = operationNamed("jwks.activate").path;
const JWK_DEACTIVATE = operationNamed("jwks.deactivate").path;

import { BODY_IN_MEMORY, type CallOptions, call, checkCallOptions } from "./unwrap.js";

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

/** Binds the six key operations to an openapi-fetch client for the org at `origin`. */
export function createJwksApi(raw: OktaRawClient, origin: string): JwksApi {
  return {
    async list(appId, options) {
      const ids = { appId: checkId("appId", appId) };
      const signal = checkCallOptions(options);
      const body = await call(toTarget(origin, "GET", JWKS, ids), signal, () =>
        raw.GET(JWKS, { params: { path: ids }, signal, ...BODY_IN_MEMORY }),
      );
      return toJwkList(body);
    },
    async get(appId, keyId, options) {
      const ids = { appId: checkId("appId", appId), keyId: checkId("keyId", keyId) };
      const signal = checkCallOptions(options);
      return call(toTarget(origin, "GET", JWK, ids), signal, () =>
        raw.GET(JWK, { params: { path: ids }, signal, ...BODY_IN_MEMORY }),
      );
    },
    async add(appId, newJwk, options) {
      const ids = { appId: checkId("appId", appId) };
      const body = checkNewJwk(newJwk);
      const signal = checkCallOptions(options);
      return call(toTarget(origin, "POST", JWKS, ids), signal, () =>
        raw.POST(JWKS, { params: { path: ids }, body, signal, ...BODY_IN_MEMORY }),
      );
    },
    async activate(appId, keyId, options) {
      const ids = { appId: checkId("appId", appId), keyId: checkId("keyId", keyId) };
      const signal = checkCallOptions(options);
      return call(toTarget(origin, "POST", JWK_ACTIVATE, ids), signal, () =>
        raw.POST(JWK_ACTIVATE, { params: { path: ids }, signal, ...BODY_IN_MEMORY }),
      );
    },
    async deactivate(appId, keyId, options) {
      const ids = { appId: checkId("appId", appId), keyId: checkId("keyId", keyId) };
      const signal = checkCallOptions(options);
      return call(toTarget(origin, "POST", JWK_DEACTIVATE, ids), signal, () =>
        raw.POST(JWK_DEACTIVATE, { params: { path: ids }, signal, ...BODY_IN_MEMORY }),
      );
    },
    async delete(appId, keyId, options) {
      const ids = { appId: checkId("appId", appId), keyId: checkId("keyId", keyId) };
      const signal = checkCallOptions(options);
      await call(toTarget(origin, "DELETE", JWK, ids), signal, () =>
        raw.DELETE(JWK, { params: { path: ids }, signal, ...BODY_IN_MEMORY }),
      );
    },
  };
}
