import type { ClientSecret, Jwk } from "../api/types.js";
import type { OktaClient } from "../client.js";
import type { CredentialSteps } from "../rotation/credential-steps.js";

/** What a fleet rotation needs to know about one kind of credential. */
export interface FleetKind<Kind extends ClientSecret | Jwk> {
  readonly kind: "client-secret" | "jwk";
  /** What messages call one of them. */
  readonly noun: "secret" | "signing key";
  /** Whether the rotation replaces this credential (every secret; signing keys, not encryption keys). */
  counts(credential: Kind): boolean;
  list(okta: OktaClient, appId: string, signal: AbortSignal | undefined): Promise<Kind[]>;
  /** The step runner's operations for finishing a rotation (creating and deploying are done by then). */
  steps(okta: OktaClient, appId: string): CredentialSteps<Kind>;
}

const finishing = <Kind extends ClientSecret | Jwk>(
  kind: FleetKind<Kind>,
  list: () => Promise<Kind[]>,
  deactivate: (id: string) => Promise<unknown>,
  remove: (id: string) => Promise<unknown>,
): CredentialSteps<Kind> => ({
  create: () => Promise.reject(new Error("a finishing rotation creates nothing")),
  keep: () => {},
  deploy: async () => {},
  deactivate,
  remove,
  list,
  counts: kind.counts,
  isNew: () => false,
});

/** Client secrets: every one counts. */
export const SECRETS: FleetKind<ClientSecret> = {
  kind: "client-secret",
  noun: "secret",
  counts: () => true,
  list: (okta, appId, signal) => okta.secrets.list(appId, { signal }),
  steps: (okta, appId) =>
    finishing(
      SECRETS,
      () => okta.secrets.list(appId),
      (id) => okta.secrets.deactivate(appId, id),
      (id) => okta.secrets.delete(appId, id),
    ),
};

/** Signing keys; encryption keys are left alone. */
export const KEYS: FleetKind<Jwk> = {
  kind: "jwk",
  noun: "signing key",
  counts: (key) => key.use === "sig",
  list: (okta, appId, signal) => okta.jwks.list(appId, { signal }),
  steps: (okta, appId) =>
    finishing(
      KEYS,
      () => okta.jwks.list(appId),
      (id) => okta.jwks.deactivate(appId, id),
      (id) => okta.jwks.delete(appId, id),
    ),
};
