import type { CredentialStatus } from "../api/types.js";
import { OktaError } from "../errors.js";
import { NEW_CREDENTIAL, type RotationReport, type RotationStep } from "./rotation-report.js";

/** How messages name what a rotation replaces. */
export const NOUN = { "client-secret": "client secret", jwk: "signing key" } as const;

/** Steps that create the new credential. */
export const CREATES: ReadonlySet<string> = new Set(["create-secret", "add-key"]);
const DEACTIVATES = new Set(["deactivate-secret", "deactivate-key"]);

/** How a workflow runs its steps and undoes the new credential. */
export interface StepRunner {
  /** Runs one step against Okta (or `deploy`). */
  perform(step: RotationStep): Promise<void>;
  /** Whether the new credential exists on Okta (as far as this run knows). */
  created(): boolean;
  /** The new credential's status on Okta now, read again; `undefined` when it is gone. */
  currentStatus(): Promise<CredentialStatus | undefined>;
  /** Removes the new credential, deactivating it first unless it is inactive already; says what it did. */
  undo(): Promise<"deactivated and deleted" | "deleted">;
}

/** What a workflow does to one kind of credential, for {@link createStepRunner}. */
export interface CredentialSteps<
  Credential extends { readonly id: string; readonly status: CredentialStatus },
> {
  /** Creates the new credential (active). */
  create(): Promise<Credential>;
  /** Records the new credential on the report. */
  keep(credential: Credential): void;
  deploy(credential: Credential): Promise<void>;
  deactivate(id: string): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  /** Reads one credential again: its status, or `undefined` when Okta has none with that id. */
  status(id: string): Promise<CredentialStatus | undefined>;
}

/** The new credential came back, or is now, not ACTIVE: nothing may be retired for it. */
export class InactiveCredentialError extends OktaError {}

/**
 * The step runner of a rotation: creates the new credential, checks that Okta holds it ACTIVE, and points the
 * steps that wait for it at its id; deploys it, deactivates and deletes old ones; `undo` removes the new one.
 */
export function createStepRunner<
  Credential extends { readonly id: string; readonly status: CredentialStatus },
>(report: RotationReport, steps: CredentialSteps<Credential>): StepRunner {
  let created: Credential | undefined;
  return {
    async perform(step) {
      if (CREATES.has(step.action)) {
        created = await steps.create();
        steps.keep(created);
        for (const other of report.steps) if (other.target === NEW_CREDENTIAL) other.target = created.id;
        if (created.status !== "ACTIVE") {
          throw new InactiveCredentialError(`Okta stored the new ${NOUN[report.kind]} ${created.status}`);
        }
      } else if (step.action === "deploy") {
        await steps.deploy(created as Credential);
      } else if (DEACTIVATES.has(step.action)) {
        await steps.deactivate(step.target);
      } else {
        await steps.remove(step.target);
      }
    },
    created: () => created !== undefined,
    currentStatus: () => steps.status((created as Credential).id),
    async undo() {
      const { id, status } = created as Credential;
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
