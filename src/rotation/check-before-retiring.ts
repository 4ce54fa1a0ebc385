import { RotationError } from "./rotation-error.js";
import type { RotationReport, RotationStep } from "./rotation-report.js";
import { CREATES, DESTRUCTIVE, NOUN, type StepRunner } from "./step-runner.js";

/**
 * Stops the rotation before the destructive `step`, with a `RotationError`, unless Okta still holds the new
 * credential ACTIVE and no credential appeared that the run neither planned nor created (another rotation).
 */
export async function checkBeforeRetiring(
  report: RotationReport,
  runner: StepRunner,
  step: RotationStep,
): Promise<void> {
  const noun = NOUN[report.kind];
  const newId = report.steps.find((each) => CREATES.has(each.action))?.target;
  const retired = report.steps.some((each) => DESTRUCTIVE.has(each.action) && each.status === "done");
  const stopped = `Rotation of the ${noun} of app ${report.appId} stopped before ${step.action} ${step.target}`;
  const kept = retired ? "nothing more was retired" : "no old one was retired";
  let holds: Awaited<ReturnType<StepRunner["inspect"]>>;
  try {
    holds = await runner.inspect();
  } catch (error) {
    throw new RotationError(
      `${stopped}: could not list what Okta holds, so ${kept} (see cause)`,
      report,
      error,
    );
  }
  if (holds.status !== "ACTIVE") {
    throw new RotationError(
      `${stopped}: the new ${noun} ${newId} is ${holds.status ?? "gone"} on Okta, so ${kept}`,
      report,
    );
  }
  if (holds.strangers.length > 0) {
    const which = holds.strangers.join(", ");
    throw new RotationError(
      `${stopped}: ${noun} ${which} appeared during this rotation (another rotation may be under way), so ${kept}`,
      report,
    );
  }
}
