import type { ClientSecret, Jwk } from "../api/types.js";
import type { OktaClient } from "../client.js";
import { generateSigningKey } from "../keys/generate-signing-key.js";
import type { Credential } from "../rotation/credential-steps.js";
import type { StepRunner } from "./verify-steps.js";

/** What the app held before the lifecycle steps: they must leave exactly this behind. */
export interface AppCredentials {
  readonly secrets: readonly ClientSecret[];
  readonly keys: readonly Jwk[];
}

/** The four calls a lifecycle makes on a credential it created, alike for secrets and keys. */
interface Lifecycle {
  get(appId: string, id: string): Promise<Credential>;
  activate(appId: string, id: string): Promise<Credential>;
  deactivate(appId: string, id: string): Promise<Credential>;
  delete(appId: string, id: string): Promise<void>;
}

/**
 * Creates one secret and one generated signing key (both INACTIVE, so the app never relies on them), gets,
 * activates and deactivates each where Okta will let it be deactivated again, and deletes them. Only credentials
 * created here are ever changed. Steps that Okta's rules would refuse, or that could not be undone, are skipped
 * with the reason.
 */
export async function runLifecycle(
  okta: OktaClient,
  appId: string,
  before: AppCredentials,
  step: StepRunner,
  skip: (name: string, why: string) => void,
): Promise<void> {
  if (before.secrets.length >= 2) skip("secrets lifecycle", "the app has two secrets, the most Okta allows");
  else {
    const created = await step("secrets.create INACTIVE", () =>
      okta.secrets.create(appId, { status: "INACTIVE" }),
    );
    const activeOther = before.secrets.some((secret) => secret.status === "ACTIVE");
    const why = activeOther
      ? undefined
      : "the app has no other active secret, so Okta would refuse to deactivate it";
    if (created) await cycle("secrets", okta.secrets, appId, created, why, step, skip);
  }
  if (before.keys.some((key) => key.kid === null))
    skip("jwks lifecycle", "a key without kid blocks adding keys");
  else if (before.keys.length >= 50) skip("jwks lifecycle", "the app has 50 keys, the most Okta allows");
  else {
    // A fresh ES256 key from jose; its private half is never kept.
    const { publicJwk } = await generateSigningKey({ alg: "ES256" });
    const added = await step("jwks.add INACTIVE", () =>
      okta.jwks.add(appId, { ...publicJwk, status: "INACTIVE" }),
    );
    const activeOther = before.keys.some((key) => key.use === "sig" && key.status === "ACTIVE");
    const why = activeOther
      ? undefined
      : "the app has no other active signing key; a private_key_jwt app would keep it";
    if (added) await cycle("jwks", okta.jwks, appId, added, why, step, skip);
  }
}

/** Gets the new credential, activates and deactivates it (unless `noCycle` says why not), then deletes it. */
async function cycle(
  group: "secrets" | "jwks",
  api: Lifecycle,
  appId: string,
  created: Credential,
  noCycle: string | undefined,
  step: StepRunner,
  skip: (name: string, why: string) => void,
): Promise<void> {
  const { id } = created;
  let status = created.status;
  await step(`${group}.get ${id}`, () => api.get(appId, id));
  if (noCycle) skip(`${group}.activate and ${group}.deactivate ${id}`, noCycle);
  else {
    status = (await step(`${group}.activate ${id}`, () => api.activate(appId, id)))?.status ?? status;
    status = (await step(`${group}.deactivate ${id}`, () => api.deactivate(appId, id)))?.status ?? status;
  }
  if (status === "ACTIVE")
    skip(`${group}.delete ${id}`, "it is still active: delete it by hand once deactivated");
  else await step(`${group}.delete ${id}`, () => api.delete(appId, id));
}

/** Whether the app holds what it held before, by id and status. */
export function sameCredentials(before: AppCredentials, after: AppCredentials): boolean {
  const summary = ({ secrets, keys }: AppCredentials) =>
    JSON.stringify([...secrets, ...keys].map(({ id, status }) => `${id} ${status}`).sort());
  return summary(before) === summary(after);
}
