import type { CredentialStatus } from "../api/types.js";

/** A key or a secret as Okta returns it: an id and a status. */
export interface Credential {
  readonly id: string;
  readonly status: CredentialStatus;
}

/** What a workflow does to one kind of credential: the steps a rotation's step runner (`createStepRunner`) takes. */
export interface CredentialSteps<Kind extends Credential> {
  /** Creates the new credential (active). */
  create(): Promise<Kind>;
  /** Runs right before the create request (a fleet journals the attempt); a throw stops the step unsent. */
  beforeCreate?(): void;
  /** Records the new credential on the report. */
  keep(credential: Kind): void;
  deploy(credential: Kind): Promise<void>;
  deactivate(id: string): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  /** Lists the app's credentials of this kind. */
  list(): Promise<Kind[]>;
  /** Whether a credential is one the rotation retires or replaces (a signing key, not an encryption key). */
  counts(credential: Kind): boolean;
  /** Whether a credential that was not there before is the one this run's create asked for. */
  isNew(credential: Kind): boolean;
}

/** What a fleet hands the rotation of one app: the credentials it has just listed, and a hook for the create. */
export interface ListedRotation<Kind extends Credential> {
  /** Stands for the rotation's first list, one request fewer under the rate limit. */
  readonly listed: readonly Kind[];
  /** Called right before the create request, with the planned `kid` of a key; a throw stops the step unsent. */
  readonly beforeCreate?: ((planned: { readonly kid?: string }) => void) | undefined;
}

/**
 * Deletes `credential`, deactivating it first unless it is inactive already; says what it did. A deactivation or
 * deletion that fails is checked against what Okta holds, as a rotation's forward steps are: one that took effect
 * all the same (its answer was lost) counts as done.
 */
export async function removeCredential<Kind extends Credential>(
  steps: CredentialSteps<Kind>,
  { id, status }: Kind,
): Promise<"deactivated and deleted" | "deleted"> {
  const said = status === "INACTIVE" ? "deleted" : "deactivated and deleted";
  if (status !== "INACTIVE") {
    try {
      await steps.deactivate(id);
    } catch (error) {
      const now = await statusNow(steps, id, error);
      if (now === "ACTIVE") throw error;
      if (now === undefined) return said;
    }
  }
  try {
    await steps.remove(id);
  } catch (error) {
    if ((await statusNow(steps, id, error)) !== undefined) throw error;
  }
  return said;
}

/** After a step on `id` failed with `error`: its status on Okta now, `undefined` when gone; `error` when Okta cannot say. */
async function statusNow<Kind extends Credential>(
  steps: CredentialSteps<Kind>,
  id: string,
  error: unknown,
): Promise<CredentialStatus | undefined> {
  const now = await steps.list().catch(() => {
    throw error;
  });
  return now.find((each) => each.id === id)?.status;
}
