import type { CredentialStatus } from "../api/types.js";
import { isOktaApiError, OktaError } from "../errors/okta-errors.js";
import { NEW_CREDENTIAL, type RotationReport, type RotationStep } from "./rotation-report.js";

/** How messages name what a rotation replaces. */
export const NOUN = { "client-secret": "client secret", jwk: "signing key" } as const;

/** Steps that create the new credential. */
export const CREATES: ReadonlySet<string> = new Set(["create-secret", "add-key"]);
const DEACTIVATES = new Set(["deactivate-secret", "deactivate-key"]);
/** Steps that take a credential away; `a rotation's `confirm` is asked before each. */
export const DESTRUCTIVE: ReadonlySet<string> = new Set([
  "deactivate-secret",
  "delete-secret",
  "deactivate-key",
  "delete-key",
]);

/** A key or a secret as Okta returns it: an id and a status. */
export interface Credential {
  readonly id: string;
  readonly status: CredentialStatus;
}

/** How a workflow runs its steps and undoes the new credential. */
export interface StepRunner {
  /** Runs one step against Okta (or `deploy`). */
  perform(step: RotationStep): Promise<void>;
  /** Whether the new credential exists on Okta (as far as this run knows). */
  created(): boolean;
  /** Lists what Okta holds now: the new credential's status, and credentials that appeared unplanned. */
  inspect(): Promise<{
    readonly status: CredentialStatus | undefined;
    readonly strangers: readonly string[];
  }>;
  /**
   * After `step` failed with `error`: whether what Okta holds shows the step took effect all the same (a delete
   * whose answer was lost, a create that committed before its 5xx, whose credential is then adopted; an adopted
   * credential that is not ACTIVE does not count, but is known, so that a rollback removes it).
   */
  settle(step: RotationStep, error: unknown): Promise<boolean>;
  /** Removes the new credential, deactivating it first unless it is inactive already; says what it did. */
  undo(): Promise<"deactivated and deleted" | "deleted">;
}

/** What a workflow does to one kind of credential, for {@link createStepRunner}. */
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

/** The new credential came back, or is now, not ACTIVE: nothing may be retired for it. */
export class InactiveCredentialError extends OktaError {}

/**
 * The step runner of a rotation that found `before` on the app: creates the new credential, checks that Okta holds
 * it ACTIVE, and points the steps that wait for it at its id; deploys it, deactivates and deletes old ones; `undo`
 * removes the new one; `inspect` and `settle` compare what the run knows with what Okta holds. `existing` is the new
 * credential of a rotation created earlier, whose steps are finished now.
 */
export function createStepRunner<Kind extends Credential>(
  report: RotationReport,
  before: readonly Kind[],
  steps: CredentialSteps<Kind>,
  existing?: Kind,
): StepRunner {
  const known = new Set(before.map((credential) => credential.id));
  // A rotation finished later (after a grace period, or resumed) starts with its new credential already created.
  let created: Kind | undefined = existing;
  const adopt = (credential: Kind) => {
    created = credential;
    steps.keep(credential);
    for (const step of report.steps) if (step.target === NEW_CREDENTIAL) step.target = credential.id;
    return credential.status === "ACTIVE";
  };
  return {
    async perform(step) {
      if (CREATES.has(step.action)) {
        const added = await steps.create();
        if (!adopt(added)) {
          throw new InactiveCredentialError(`Okta stored the new ${NOUN[report.kind]} ${added.status}`);
        }
      } else if (step.action === "deploy") await steps.deploy(created as Kind);
      else if (DEACTIVATES.has(step.action)) await steps.deactivate(step.target);
      else await steps.remove(step.target);
    },
    created: () => created !== undefined,
    async inspect() {
      const now = await steps.list();
      const status = now.find((credential) => credential.id === created?.id)?.status;
      const strangers = now.filter(
        (credential) =>
          steps.counts(credential) && !known.has(credential.id) && credential.id !== created?.id,
      );
      return { status, strangers: strangers.map((credential) => credential.id) };
    },
    async settle(step, error) {
      if (step.action === "deploy") return false;
      // Okta refused a create outright (4xx): it created nothing, and a new credential is someone else's.
      if (CREATES.has(step.action) && isOktaApiError(error) && error.status < 500) return false;
      const now = await steps.list();
      if (CREATES.has(step.action)) {
        const orphan = now.find((credential) => !known.has(credential.id) && steps.isNew(credential));
        // Adopted even when it is not ACTIVE, so that the rollback removes it.
        return orphan !== undefined && adopt(orphan);
      }
      const target = now.find((credential) => credential.id === step.target);
      return DEACTIVATES.has(step.action) ? target?.status !== "ACTIVE" : target === undefined;
    },
    async undo() {
      const { id, status } = created as Kind;
      if (status === "INACTIVE") {
        await steps.remove(id);
        return "deleted";
      }
      await steps.deactivate(id);
      await steps.remove(id);
      return "deactivated and deleted";
    },
  };
}
