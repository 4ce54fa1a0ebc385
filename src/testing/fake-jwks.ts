import type { NewJwk } from "../api/types.js";
import { type EcCurve, naturalAlg } from "../keys/algorithms.js";
import { rsaModulusBits } from "../keys/rsa-modulus-bits.js";
import type { FakeAppState, StoredJwk } from "./fake-app.js";
import { newId } from "./fake-random.js";
import { breaks, notFound } from "./fake-refusal.js";

// Okta's limits for an app's key set.
const MAX_KEYS = 50;
const MIN_RSA_BITS = 2048;

/**
 * Adds a key to `app` after checking, in this order: the key count, keys without `kid`, duplicate `kid`,
 * the RSA modulus length, and a second active encryption key.
 * @throws {FakeRefusal} 400 naming the broken rule.
 */
export function addJwk(app: FakeAppState, body: NewJwk, now: string): StoredJwk {
  if (app.jwks.length >= MAX_KEYS) throw breaks("jwkTooManyKeys");
  if (app.jwks.some((key) => key.kid === null)) throw breaks("jwkExistingKeyWithoutKid");
  const kid = body.kid ?? null;
  if (kid !== null && app.jwks.some((key) => key.kid === kid)) throw breaks("jwkDuplicateKid");
  if (body.kty === "RSA" && rsaModulusBits(body.n) < MIN_RSA_BITS) throw breaks("jwkRsaKeyTooShort");
  const status = body.status ?? "ACTIVE";
  if (body.use === "enc" && status === "ACTIVE" && activeEncryptionKey(app)) {
    throw breaks("onlyOneActiveEncryptionKey");
  }
  const crv: EcCurve | undefined = body.kty === "EC" ? body.crv : undefined;
  const key: StoredJwk = {
    ...body,
    id: newId("key"),
    kid,
    alg: body.alg ?? naturalAlg(body.use, crv),
    status,
    created: now,
    lastUpdated: now,
  };
  app.jwks.push(key);
  return key;
}

/** Activates a key; an encryption key takes over from the active one, which becomes inactive. */
export function activateJwk(app: FakeAppState, keyId: string, now: string): StoredJwk {
  const key = findJwk(app, keyId);
  if (key.status === "ACTIVE") return key;
  if (key.use === "enc") {
    const current = activeEncryptionKey(app);
    if (current) setStatus(current, "INACTIVE", now);
  }
  return setStatus(key, "ACTIVE", now);
}

/**
 * Deactivates a key unless it is the active encryption key of an app with ID token encryption on, or the only
 * active signing key of a `private_key_jwt` app.
 * @throws {FakeRefusal} 400 naming the broken rule.
 */
export function deactivateJwk(app: FakeAppState, keyId: string, now: string): StoredJwk {
  const key = findJwk(app, keyId);
  if (key.status === "INACTIVE") return key;
  if (key.use === "enc" && app.idTokenEncryption) throw breaks("deactivateActiveEncryptionKey");
  const activeSigning = app.jwks.filter((other) => other.use === "sig" && other.status === "ACTIVE");
  if (key.use === "sig" && app.tokenEndpointAuthMethod === "private_key_jwt" && activeSigning.length === 1) {
    throw breaks("deactivateOnlyKeyWithPrivateKeyJwt");
  }
  return setStatus(key, "INACTIVE", now);
}

/** Deletes an inactive key. @throws {FakeRefusal} 400 when it is active. */
export function deleteJwk(app: FakeAppState, keyId: string): void {
  const key = findJwk(app, keyId);
  if (key.status === "ACTIVE") throw breaks("deleteActiveJwk");
  app.jwks.splice(app.jwks.indexOf(key), 1);
}

/** The key with Okta id `keyId`. @throws {FakeRefusal} 404 E0000007 when the app has none. */
export function findJwk(app: FakeAppState, keyId: string): StoredJwk {
  const key = app.jwks.find((candidate) => candidate.id === keyId);
  if (!key) throw notFound(keyId, "JsonWebKey");
  return key;
}

function activeEncryptionKey(app: FakeAppState): StoredJwk | undefined {
  return app.jwks.find((key) => key.use === "enc" && key.status === "ACTIVE");
}

function setStatus(key: StoredJwk, status: StoredJwk["status"], now: string): StoredJwk {
  key.status = status;
  key.lastUpdated = now;
  return key;
}
