import type { NewClientSecret } from "../api/types.js";
import type { FakeAppState, StoredSecret } from "./fake-app.js";
import { newClientSecret, newId, secretHash } from "./fake-random.js";
import { breaks, notFound, type RuleName } from "./fake-refusal.js";

const MAX_SECRETS = 2;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

// A supplied secret's rules, checked in order; `minimum` depends on the app's auth method.
const SUPPLIED_SECRET_RULES: readonly [RuleName, (secret: string, app: FakeAppState) => boolean][] = [
  ["clientSecretWithPrivateKeyJwt", (_secret, app) => app.tokenEndpointAuthMethod === "private_key_jwt"],
  ["clientSecretTooShort", (secret) => secret.length < 14],
  ["clientSecretTooLong", (secret) => secret.length > 100],
  ["clientSecretNonAscii", (secret) => !PRINTABLE_ASCII.test(secret)],
  [
    "clientSecretTooShortForClientSecretJwt",
    (secret, app) => app.tokenEndpointAuthMethod === "client_secret_jwt" && secret.length < 32,
  ],
];

/**
 * Creates a secret after checking the two-secret limit and, for a supplied secret, the rules above.
 * @throws {FakeRefusal} 400 naming the broken rule.
 */
export async function createSecret(
  app: FakeAppState,
  body: NewClientSecret,
  now: string,
): Promise<StoredSecret> {
  if (app.secrets.length >= MAX_SECRETS) throw breaks("maxNumberOfSecrets");
  const supplied = body.client_secret;
  if (supplied !== undefined) {
    const broken = SUPPLIED_SECRET_RULES.find(([, isBroken]) => isBroken(supplied, app));
    if (broken) throw breaks(broken[0]);
  }
  const value = supplied ?? newClientSecret();
  const hash = await secretHash(value);
  // Checked again after the await: a concurrent request may have taken the last place meanwhile.
  if (app.secrets.length >= MAX_SECRETS) throw breaks("maxNumberOfSecrets");
  const secret: StoredSecret = {
    id: newId("secret"),
    client_secret: value,
    secret_hash: hash,
    status: body.status ?? "ACTIVE",
    created: now,
    lastUpdated: now,
  };
  app.secrets.push(secret);
  return secret;
}

/** Activates a secret. */
export function activateSecret(app: FakeAppState, secretId: string, now: string): StoredSecret {
  return setStatus(findSecret(app, secretId), "ACTIVE", now);
}

/** Deactivates a secret unless it is the only active one. @throws {FakeRefusal} 400 when it is. */
export function deactivateSecret(app: FakeAppState, secretId: string, now: string): StoredSecret {
  const secret = findSecret(app, secretId);
  if (secret.status === "INACTIVE") return secret;
  if (app.secrets.filter((other) => other.status === "ACTIVE").length === 1) {
    throw breaks("deactivateOnlyClientSecret");
  }
  return setStatus(secret, "INACTIVE", now);
}

/** Deletes an inactive secret. @throws {FakeRefusal} 400 when it is active. */
export function deleteSecret(app: FakeAppState, secretId: string): void {
  const secret = findSecret(app, secretId);
  if (secret.status === "ACTIVE") throw breaks("deleteActiveClientSecret");
  app.secrets.splice(app.secrets.indexOf(secret), 1);
}

/** The secret with id `secretId`. @throws {FakeRefusal} 404 E0000007 when the app has none. */
export function findSecret(app: FakeAppState, secretId: string): StoredSecret {
  const secret = app.secrets.find((candidate) => candidate.id === secretId);
  if (!secret) throw notFound(secretId, "OAuth2ClientSecretMediated");
  return secret;
}

function setStatus(secret: StoredSecret, status: StoredSecret["status"], now: string): StoredSecret {
  if (secret.status !== status) {
    secret.status = status;
    secret.lastUpdated = now;
  }
  return secret;
}
