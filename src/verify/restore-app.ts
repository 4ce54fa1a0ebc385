import type { OktaClient } from "../client.js";
import type { Credential } from "../rotation/credential-steps.js";
import type { AppCredentials, CreatedIds } from "./verify-lifecycle.js";
import type { StepRunner } from "./verify-steps.js";

/** The calls the clean-up makes, alike for secrets and keys. */
interface Removable {
  list(appId: string): Promise<Credential[]>;
  deactivate(appId: string, id: string): Promise<Credential>;
  delete(appId: string, id: string): Promise<void>;
}

/**
 * Puts the app back after a lifecycle, however it went: lists the app again and removes every credential the
 * lifecycle created that is still there, deactivating it first when active (the client's own retries apply to each
 * call). A last step, `restored what was there`, fails naming by id what could not be removed, and any other way
 * the app differs from `before`; credentials the lifecycle did not create are left alone.
 */
export async function restoreApp(
  okta: OktaClient,
  appId: string,
  before: AppCredentials,
  created: CreatedIds,
  step: StepRunner,
): Promise<void> {
  const secrets = await removeCreated("secrets", okta.secrets, appId, created.secrets, step);
  const keys = await removeCreated("jwks", okta.jwks, appId, created.jwks, step);
  await step("restored what was there", async () => {
    const left = [...created.secrets, ...created.jwks];
    const problems = [
      left.length > 0 ? `could not remove what verify created: ${left.join(", ")}` : "",
      secrets && keys
        ? differences([...before.secrets, ...before.keys], [...secrets, ...keys])
        : "could not list the app's credentials again",
    ].filter((problem) => problem !== "");
    if (problems.length > 0) throw new Error(problems.join("; "));
  });
}

/**
 * Lists one kind again and removes what the lifecycle created; `pending` keeps the ids still there. Resolves to the
 * other listed credentials, or `undefined` when the list failed.
 */
async function removeCreated(
  group: keyof CreatedIds,
  api: Removable,
  appId: string,
  pending: Set<string>,
  step: StepRunner,
): Promise<Credential[] | undefined> {
  const listed = await step(`${group}.list`, () => api.list(appId));
  if (!listed) return undefined;
  const ours = listed.filter((credential) => pending.has(credential.id));
  pending.clear();
  for (const credential of ours) {
    if (!(await removeOne(group, api, appId, credential, step))) pending.add(credential.id);
  }
  return listed.filter((credential) => !ours.includes(credential));
}

/** Deactivates `credential` unless it is inactive already, then deletes it; whether both worked. */
async function removeOne(
  group: keyof CreatedIds,
  api: Removable,
  appId: string,
  { id, status }: Credential,
  step: StepRunner,
): Promise<boolean> {
  if (status !== "INACTIVE") {
    const deactivated = await step(`clean-up ${group}.deactivate ${id}`, () => api.deactivate(appId, id));
    if (!deactivated) return false;
  }
  const deleted = await step(`clean-up ${group}.delete ${id}`, async () => {
    await api.delete(appId, id);
    return true;
  });
  return deleted === true;
}

/** How the app's credentials differ from `before`, by id and status; empty when they do not. */
function differences(before: readonly Credential[], after: readonly Credential[]): string {
  const statuses = (credentials: readonly Credential[]) =>
    new Map<string, string>(credentials.map(({ id, status }) => [id, status]));
  const [was, now] = [statuses(before), statuses(after)];
  const found = [
    ...[...was].filter(([id]) => !now.has(id)).map(([id]) => `${id} is gone`),
    ...[...now].flatMap(([id, status]) => {
      if (!was.has(id)) return [`${id} is new and not one verify created, so it was left alone`];
      return was.get(id) === status ? [] : [`${id} is ${status}, was ${was.get(id)}`];
    }),
  ];
  return found.length > 0 ? `the app's credentials differ from before: ${found.join(", ")}` : "";
}
