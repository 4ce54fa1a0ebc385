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

/** Deletes `credential`, deactivating it first unless it is inactive already; says what it did. */
export async function removeCredential<Kind extends Credential>(
  steps: CredentialSteps<Kind>,
  { id, status }: Kind,
): Promise<"deactivated and deleted" | "deleted"> {
  if (status !== "INACTIVE") await steps.deactivate(id);
  await steps.remove(id);
  return status === "INACTIVE" ? "deleted" : "deactivated and deleted";
}
