import type { ClientSecret, Jwk } from "../api/types.js";
import type { OktaClient } from "../client.js";
import { generateSigningKey } from "../keys/generate-signing-key.js";
import type { Credential } from "../rotation/credential-steps.js";
import type { Steps } from "./verify-steps.js";

/** What the app held before the lifecycle steps: they must leave exactly this behind. */
export interface AppCredentials {
  readonly secrets: readonly ClientSecret[];
  readonly keys: readonly Jwk[];
}

/** The ids of the credentials a lifecycle created and has not deleted yet, by group: what the clean-up removes. */
export interface CreatedIds {
  readonly secrets: Set<string>;
  readonly jwks: Set<string>;
}

/** The four calls a lifecycle makes on a credential it created, alike for secrets and keys. */
interface Lifecycle {
  get(appId: string, id: string): Promise<Credential>;
  activate(appId: string, id: string): Promise<Credential>;
  deactivate(appId: string, id: string): Promise<Credential>;
  delete(appId: string, id: string): Promise<void>;
}

/** What every step of one lifecycle shares. */
interface Run {
  readonly appId: string;
  readonly created: CreatedIds;
  readonly steps: Steps;
}

/**
 * Creates one secret and one generated signing key (both INACTIVE, so the app never relies on them), gets,
 * activates and deactivates each where Okta will let it be deactivated again, and deletes them. Only credentials
 * created here are ever changed, and each one's id stays in `created` until it is deleted, for the clean-up.
 * Steps that Okta's rules would refuse are skipped with the reason.
 */
export async function runLifecycle(
  okta: OktaClient,
  appId: string,
  before: AppCredentials,
  created: CreatedIds,
  steps: Steps,
): Promise<void> {
  const run: Run = { appId, created, steps };
  const { step, skip } = steps;
  if (before.secrets.length >= 2) skip("secrets lifecycle", "the app has two secrets, the most Okta allows");
  else {
    const secret = await step("secrets.create INACTIVE", () =>
      okta.secrets.create(appId, { status: "INACTIVE" }),
    );
    const activeOther = before.secrets.some((other) => other.status === "ACTIVE");
    const why = activeOther
      ? undefined
      : "the app has no other active secret, so Okta would refuse to deactivate it";
    if (secret) await cycle(run, "secrets", okta.secrets, secret, why);
  }
  if (before.keys.some((key) => key.kid === null))
    skip("jwks lifecycle", "a key without kid blocks adding keys");
  else if (before.keys.length >= 50) skip("jwks lifecycle", "the app has 50 keys, the most Okta allows");
  else {
    // A fresh ES256 key from jose; its private half is never kept.
    const { publicJwk } = await generateSigningKey({ alg: "ES256" });
    const key = await step("jwks.add INACTIVE", () =>
      okta.jwks.add(appId, { ...publicJwk, status: "INACTIVE" }),
    );
    const activeOther = before.keys.some((other) => other.use === "sig" && other.status === "ACTIVE");
    const why = activeOther
      ? undefined
      : "the app has no other active signing key; a private_key_jwt app would keep it";
    if (key) await cycle(run, "jwks", okta.jwks, key, why);
  }
}

/**
 * Gets the new credential, activates and deactivates it (unless `noCycle` says why not), then deletes it. One left
 * active (its deactivation failed) is not deleted here: the clean-up deactivates it first.
 */
async function cycle(
  { appId, created, steps: { step, skip } }: Run,
  group: keyof CreatedIds,
  api: Lifecycle,
  credential: Credential,
  noCycle: string | undefined,
): Promise<void> {
  const { id } = credential;
  created[group].add(id);
  let status = credential.status;
  await step(`${group}.get ${id}`, () => api.get(appId, id));
  if (noCycle) skip(`${group}.activate and ${group}.deactivate ${id}`, noCycle);
  else {
    status = (await step(`${group}.activate ${id}`, () => api.activate(appId, id)))?.status ?? status;
    status = (await step(`${group}.deactivate ${id}`, () => api.deactivate(appId, id)))?.status ?? status;
  }
  if (status === "ACTIVE") return;
  const deleted = await step(`${group}.delete ${id}`, async () => {
    await api.delete(appId, id);
    return true;
  });
  if (deleted) created[group].delete(id);
}
