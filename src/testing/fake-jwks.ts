import type { NewJwk } from "../api/types.js";
import { type EcCurve, naturalAlg } from "../keys/algorithms.js";
import { rsaModulusBits } from "../keys/rsa-modulus-bits.js";
import type { FakeAppState, StoredJwk } from "./fake-app.js";
import { type CredentialKind, setStatus } from "./fake-credentials.js";
import { newId } from "./fake-random.js";
import { breaks } from "./fake-refusal.js";
import { checkJwkBody } from "./fake-validate.js";

// Okta's limits for an app's key set.
const MAX_KEYS = 50;
const MIN_RSA_BITS = 2048;

/** An app's JSON Web Keys, under Okta's rules for adding, activating and deactivating them. */
export const JWKS: CredentialKind<StoredJwk> = {
  group: "jwks",
  of: (app) => app.jwks,
  type: "JsonWebKey",
  deleteActive: "deleteActiveJwk",
  create: (app, body, now) => addJwk(app, checkJwkBody(body), now),
  beforeActivate(app, key, now) {
    const current = key.use === "enc" ? activeEncryptionKey(app) : undefined;
    if (current) setStatus(current, "INACTIVE", now);
  },
  deactivationRefusal(app, key) {
    if (key.use === "enc" && app.idTokenEncryption) return "deactivateActiveEncryptionKey";
    if (app.tokenEndpointAuthMethod !== "private_key_jwt") return undefined;
    // Okta keeps the only active key of a private_key_jwt app, whatever its use (OKTA-FACTS.md). The fake also
    // keeps the last active signing key beside an active encryption key: a guess, listed in docs/testing.md.
    const signingLeft = app.jwks.some(
      (other) => other !== key && other.use === "sig" && other.status === "ACTIVE",
    );
    return signingLeft ? undefined : "deactivateOnlyKeyWithPrivateKeyJwt";
  },
};

/**
 * Adds a key to `app` after checking the key itself (the RSA modulus length), then its place in the key set:
 * the key count, keys without `kid`, duplicate `kid`, and a second active encryption key. Okta documents no
 * order; a live org refused a key without material for its length, so the key's own checks come first.
 */
function addJwk(app: FakeAppState, body: NewJwk, now: string): StoredJwk {
  if (body.kty === "RSA" && rsaModulusBits(body.n) < MIN_RSA_BITS) throw breaks("jwkRsaKeyTooShort");
  if (app.jwks.length >= MAX_KEYS) throw breaks("jwkTooManyKeys");
  if (app.jwks.some((key) => key.kid === null)) throw breaks("jwkExistingKeyWithoutKid");
  const kid = body.kid ?? null;
  if (kid !== null && app.jwks.some((key) => key.kid === kid)) throw breaks("jwkDuplicateKid");
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

function activeEncryptionKey(app: FakeAppState): StoredJwk | undefined {
  return app.jwks.find((key) => key.use === "enc" && key.status === "ACTIVE");
}
