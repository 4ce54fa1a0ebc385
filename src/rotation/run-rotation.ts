import { RotationError } from "./rotation-error.js";
import type { RotationReport, RotationStep } from "./rotation-report.js";
import { CREATES, InactiveCredentialError, NOUN, type StepRunner } from "./step-runner.js";

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
  /** Called with a copy of each step whenever its status changes. */
  readonly onStep?: (step: Readonly<RotationStep>) => void;
  /**
   * Asked before each destructive step (deactivating or deleting a credential). Answering `false` stops the
   * rotation there: the app keeps working with both credentials, and the remaining steps stay `planned`.
   * @default every step goes ahead
   */
  readonly confirm?: (step: Readonly<RotationStep>) => boolean | Promise<boolean>;
}

/** Steps that take a credential away; `confirm` is asked before each. */
const DESTRUCTIVE = new Set(["deactivate-secret", "delete-secret", "deactivate-key", "delete-key"]);

/**
 * Runs `report.steps` in order. Before each destructive step that follows the new credential's creation, Okta is
 * asked again whether the new credential is ACTIVE; if it is not, the rotation stops there with nothing more
 * retired. When the new credential is not ACTIVE as created, or `deploy` fails, the new credential is removed and
 * its step marked `rolled-back`; any failure ends in a `RotationError` whose message names the step, never a secret.
 */
export async function runRotation(
  report: RotationReport,
  runner: StepRunner,
  { onStep, confirm }: Pick<RotationOptions<unknown>, "onStep" | "confirm">,
): Promise<RotationReport> {
  const notify = (step: RotationStep) => onStep?.({ ...step });
  for (const step of report.steps) {
    if (DESTRUCTIVE.has(step.action)) {
      if (confirm && !(await confirm({ ...step }))) return report;
      if (runner.created()) await checkNewStillActive(report, runner, step);
    }
    try {
      await runner.perform(step);
    } catch (error) {
      step.status = "failed";
      notify(step);
      const undo = (CREATES.has(step.action) || step.action === "deploy") && runner.created();
      const outcome = undo ? await rollBack(report, runner, notify) : "nothing was undone";
      const reason = error instanceof InactiveCredentialError ? `: ${error.message}` : "";
      throw new RotationError(
        `Rotation of the ${NOUN[report.kind]} of app ${report.appId} failed at ${step.action} ${step.target}${reason}; ${outcome} (see cause)`,
        report,
        error,
      );
    }
    step.status = "done";
    notify(step);
  }
  return report;
}

/** Stops the rotation before `step` unless Okta still holds the new credential, ACTIVE. */
async function checkNewStillActive(report: RotationReport, runner: StepRunner, step: RotationStep) {
  const noun = NOUN[report.kind];
  const newId = report.steps.find((each) => CREATES.has(each.action))?.target;
  const retired = report.steps.some((each) => DESTRUCTIVE.has(each.action) && each.status === "done");
  const stopped = `Rotation of the ${noun} of app ${report.appId} stopped before ${step.action} ${step.target}`;
  const kept = retired ? "nothing more was retired" : "no old one was retired";
  let status: string | undefined;
  try {
    status = await runner.currentStatus();
  } catch (error) {
    throw new RotationError(
      `${stopped}: could not confirm that the new ${noun} ${newId} is ACTIVE, so ${kept} (see cause)`,
      report,
      error,
    );
  }
  if (status !== "ACTIVE") {
    throw new RotationError(
      `${stopped}: the new ${noun} ${newId} is ${status ?? "gone"} on Okta, so ${kept}`,
      report,
    );
  }
}

async function rollBack(
  report: RotationReport,
  runner: StepRunner,
  notify: (step: RotationStep) => void,
): Promise<string> {
  const created = report.steps.find((step) => CREATES.has(step.action)) as RotationStep;
  let done: string;
  try {
    done = await runner.undo();
  } catch {
    return `rolling back failed: the new ${NOUN[report.kind]} ${created.target} is still on the app`;
  }
  created.status = "rolled-back";
  notify(created);
  return `rolled back: the new ${NOUN[report.kind]} ${created.target} was ${done}`;
}

/**
 * Checks the options every workflow shares, before any request.
 * @throws {TypeError} naming the option.
 */
export function checkRotationOptions<Credential>(options: RotationOptions<Credential>): void {
  if (typeof options !== "object" || options === null)
    throw new TypeError("options must be an object such as { deploy }");
  if (options.dryRun !== undefined && typeof options.dryRun !== "boolean") {
    throw new TypeError("options.dryRun must be a boolean");
  }
  if (!options.dryRun && typeof options.deploy !== "function") {
    throw new TypeError("options.deploy must be a function that puts the new credential in place");
  }
  if (options.deleteOld !== undefined && typeof options.deleteOld !== "boolean") {
    throw new TypeError("options.deleteOld must be a boolean");
  }
  if (options.onStep !== undefined && typeof options.onStep !== "function") {
    throw new TypeError("options.onStep must be a function");
  }
  if (options.confirm !== undefined && typeof options.confirm !== "function") {
    throw new TypeError("options.confirm must be a function");
  }
}
