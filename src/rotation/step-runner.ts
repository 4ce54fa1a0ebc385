import type { CredentialStatus } from "../api/types.js";
import { isOktaApiError } from "../errors/error-guards.js";
import { OktaError } from "../errors/okta-errors.js";
import { type Credential, type CredentialSteps, removeCredential } from "./credential-steps.js";
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
  // A rotation finished later (after a grace period, or resumed) starts with its new credential already created.
  const known = new Set(before.map(({ id }) => id));
  const run: Run<Kind> = { report, steps, known, created: existing, sent: false };
  return {
    perform: (step) => perform(run, step),
    created: () => run.created !== undefined,
    inspect: () => inspect(run),
    settle: (step, error) => settle(run, step, error),
    undo: () => undo(run),
  };
}

/** What a step runner knows: the credentials there before it, and the new one once it exists. */
interface Run<Kind extends Credential> {
  readonly report: RotationReport;
  readonly steps: CredentialSteps<Kind>;
  readonly known: ReadonlySet<string>;
  created: Kind | undefined;
  /** Whether the create request went out (`beforeCreate` did not stop it). */
  sent: boolean;
}

/** Makes `credential` the run's new one and points the steps waiting for it at its id; whether it is ACTIVE. */
function adopt<Kind extends Credential>(run: Run<Kind>, credential: Kind): boolean {
  run.created = credential;
  run.steps.keep(credential);
  for (const step of run.report.steps) if (step.target === NEW_CREDENTIAL) step.target = credential.id;
  return credential.status === "ACTIVE";
}

async function perform<Kind extends Credential>(run: Run<Kind>, step: RotationStep): Promise<void> {
  const { steps } = run;
  if (CREATES.has(step.action)) {
    steps.beforeCreate?.();
    run.sent = true;
    const added = await steps.create();
    if (!adopt(run, added)) {
      throw new InactiveCredentialError(`Okta stored the new ${NOUN[run.report.kind]} ${added.status}`);
    }
  } else if (step.action === "deploy") await steps.deploy(run.created as Kind);
  else if (DEACTIVATES.has(step.action)) await steps.deactivate(step.target);
  else await steps.remove(step.target);
}

async function inspect<Kind extends Credential>(run: Run<Kind>) {
  const now = await run.steps.list();
  const created = run.created?.id;
  const status = now.find((credential) => credential.id === created)?.status;
  const strangers = now.filter(
    (credential) =>
      run.steps.counts(credential) && !run.known.has(credential.id) && credential.id !== created,
  );
  return { status, strangers: strangers.map((credential) => credential.id) };
}

async function settle<Kind extends Credential>(
  run: Run<Kind>,
  step: RotationStep,
  error: unknown,
): Promise<boolean> {
  if (step.action === "deploy") return false;
  // A create never sent, or refused outright (4xx), created nothing: a new credential is someone else's.
  const refused = !run.sent || (isOktaApiError(error) && error.status < 500);
  if (CREATES.has(step.action) && refused) return false;
  const now = await run.steps.list();
  if (CREATES.has(step.action)) {
    const orphan = now.find((credential) => !run.known.has(credential.id) && run.steps.isNew(credential));
    // Adopted even when it is not ACTIVE, so that the rollback removes it.
    return orphan !== undefined && adopt(run, orphan);
  }
  const target = now.find((credential) => credential.id === step.target);
  return DEACTIVATES.has(step.action) ? target?.status !== "ACTIVE" : target === undefined;
}

function undo<Kind extends Credential>(run: Run<Kind>): Promise<"deactivated and deleted" | "deleted"> {
  return removeCredential(run.steps, run.created as Kind);
}
