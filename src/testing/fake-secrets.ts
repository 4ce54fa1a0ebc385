import type { NewClientSecret } from "../api/types.js";
import type { FakeAppState, StoredSecret } from "./fake-app.js";
import type { CredentialKind } from "./fake-credentials.js";
import { newClientSecret, newId, secretHash } from "./fake-random.js";
import { breaks, type RuleName } from "./fake-refusal.js";
import { checkSecretBody } from "./fake-validate.js";

const MAX_SECRETS = 2;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

// A supplied secret's rules, checked in order; two depend on how the app authenticates.
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

/** An app's client secrets, under Okta's rules for creating and deactivating them. */
export const SECRETS: CredentialKind<StoredSecret> = {
  group: "secrets",
  of: (app) => app.secrets,
  type: "OAuth2ClientSecretMediated",
  deleteActive: "deleteActiveClientSecret",
  create: (app, body, now) => createSecret(app, checkSecretBody(body), now),
  deactivationRefusal: (app) =>
    app.secrets.filter((other) => other.status === "ACTIVE").length === 1
      ? "deactivateOnlyClientSecret"
      : undefined,
};

/** Creates a secret after checking the two-secret limit and, for a supplied secret, the rules above. */
async function createSecret(app: FakeAppState, body: NewClientSecret, now: string): Promise<StoredSecret> {
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
