import { checkBeforeRetiring } from "./check-before-retiring.js";
import { RotationError } from "./rotation-error.js";
import type { RotationReport, RotationStep } from "./rotation-report.js";
import { CREATES, DESTRUCTIVE, InactiveCredentialError, NOUN, type StepRunner } from "./step-runner.js";

/** Options every rotation workflow shares. */
export interface RotationOptions<Credential> {
  /**
   * Puts the new credential where your clients read it (a secret store, a config map) and returns once they use
   * it. If it throws, the rotation removes the new credential again and rethrows in a `RotationError`.
   */
  readonly deploy: (credential: Credential) => Promise<void>;
  /** Delete the old credentials after deactivating them. @default true */
  readonly deleteOld?: boolean;
  /** Only plan: list the credentials and return the steps without changing anything. @default false */
  readonly dryRun?: boolean;
  /**
   * Called with a copy of each step whenever its status changes. A throw fails the step it was told about: a new
   * credential not deployed yet is then removed again, as when `deploy` throws.
   */
  readonly onStep?: (step: Readonly<RotationStep>) => void;
  /**
   * Asked before each destructive step (deactivating or deleting a credential). Answering `false` stops the
   * rotation there: the app keeps working with both credentials, and the remaining steps stay `planned`.
   * @default every step goes ahead
   */
  readonly confirm?: (step: Readonly<RotationStep>) => boolean | Promise<boolean>;
}

/**
 * Runs `report.steps` in order, but those already `done`. Before each destructive step that follows the new credential's creation, Okta is
 * asked again what it holds: the rotation stops there, with nothing more retired, unless the new credential is
 * ACTIVE and no credential appeared that the run neither planned nor created. A step that fails is checked against
 * what Okta holds: one that took effect all the same counts as done and the rotation goes on. When the new
 * credential is not ACTIVE as created, or `deploy` fails, the new credential is removed and its step marked
 * `rolled-back`. `onStep` throwing fails the step it was told about, as if the step had failed (but a credential
 * deployed is kept); any failure ends in a `RotationError` whose message names the step, never a secret.
 */
export async function runRotation(
  report: RotationReport,
  runner: StepRunner,
  { onStep, confirm }: Pick<RotationOptions<unknown>, "onStep" | "confirm">,
): Promise<RotationReport> {
  const notify = (step: RotationStep) => onStep?.({ ...step });
  for (const step of report.steps) {
    // A step an earlier run did (a rotation finished after its grace period) is not repeated.
    if (step.status === "done") continue;
    if (DESTRUCTIVE.has(step.action)) {
      if (confirm && !(await confirm({ ...step }))) return report;
      if (runner.created()) await checkBeforeRetiring(report, runner, step);
    }
    try {
      await runner.perform(step);
    } catch (error) {
      if (!(await settled(runner, step, error))) throw await failure(report, runner, step, error, notify);
    }
    step.status = "done";
    try {
      notify(step);
    } catch (error) {
      // A step nobody recorded (a fleet's journal could not be written) fails: an undeployed credential goes again.
      throw await failure(report, runner, step, error, notify, true);
    }
  }
  return report;
}

/** Whether Okta holds what `step` meant to do although it failed; `false` when Okta cannot be asked. */
async function settled(runner: StepRunner, step: RotationStep, error: unknown): Promise<boolean> {
  if (error instanceof InactiveCredentialError) return false;
  try {
    return await runner.settle(step, error);
  } catch {
    return false;
  }
}

/**
 * Marks `step` failed, rolls the new credential back when the failure came before it was in use (`deploy` had not
 * returned), and explains. `afterDone`: the step took effect, and it was `onStep` that threw.
 */
async function failure(
  report: RotationReport,
  runner: StepRunner,
  step: RotationStep,
  error: unknown,
  notify: (step: RotationStep) => void,
  afterDone = false,
): Promise<RotationError> {
  step.status = "failed";
  quietly(notify, step);
  const inUse = step.action === "deploy" && afterDone;
  const undo = (CREATES.has(step.action) || step.action === "deploy") && !inUse && runner.created();
  const outcome = undo ? await rollBack(report, runner, notify) : "nothing was undone";
  const reason =
    error instanceof InactiveCredentialError
      ? `: ${error.message}`
      : afterDone
        ? ": onStep threw after the step was done"
        : "";
  return new RotationError(
    `Rotation of the ${NOUN[report.kind]} of app ${report.appId} failed at ${step.action} ${step.target}${reason}; ${outcome} (see cause)`,
    report,
    error,
  );
}

/** Tells `onStep` about `step` during a failure, which is what the rotation reports whatever `onStep` does. */
function quietly(notify: (step: RotationStep) => void, step: RotationStep): void {
  try {
    notify(step);
  } catch {
    // The failure being handled is the one to report; a journal that cannot be written says so itself.
  }
}

async function rollBack(
  report: RotationReport,
  runner: StepRunner,
  notify: (step: RotationStep) => void,
): Promise<string> {
  const created = report.steps.find((step) => CREATES.has(step.action)) as RotationStep;
  const noun = NOUN[report.kind];
  let done: string;
  try {
    done = await runner.undo();
  } catch {
    // removeCredential has already taken a lost answer for done; what Okta holds now says what is left to report
    // (and a credential gone by now, removed after all, counts as rolled back).
    const left = await runner.inspect().then(
      (holds) => holds.status,
      () => "unknown",
    );
    if (left !== undefined) {
      const state = left === "unknown" ? "" : ` (${left})`;
      return `rolling back failed: the new ${noun} ${created.target} is still on the app${state}`;
    }
    done = "removed";
  }
  created.status = "rolled-back";
  quietly(notify, created);
  return `rolled back: the new ${noun} ${created.target} was ${done}`;
}
