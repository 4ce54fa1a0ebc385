import type { Credential, CredentialSteps } from "./credential-steps.js";
import type { RotationReport, RotationStep } from "./rotation-report.js";
import { type RotationOptions, runRotation } from "./run-rotation.js";
import { createStepRunner } from "./step-runner.js";

/**
 * Finishes a rotation whose new credential `fresh` was created and deployed earlier (the second phase of a rotation
 * with a grace period, or one resumed after a crash): deactivates each of `oldIds` still ACTIVE among `current`,
 * then deletes them unless `deleteOld` is false. Like a whole rotation, it lists what Okta holds before each step
 * and stops, retiring nothing more, unless `fresh` is still ACTIVE and no credential appeared unplanned; a step
 * that failed but took effect counts as done. `report` gets a `done` step for the creation, then the new steps.
 * @throws {RotationError} when a check or a step fails.
 */
export function retireOld<Kind extends Credential>(
  report: RotationReport,
  current: readonly Kind[],
  fresh: Kind,
  oldIds: readonly string[],
  steps: CredentialSteps<Kind>,
  options: Pick<RotationOptions<Kind>, "deleteOld" | "onStep">,
): Promise<RotationReport> {
  const noun = report.kind === "jwk" ? "key" : "secret";
  const step = (action: string, target: string, status: RotationStep["status"] = "planned") =>
    ({ action, target, status }) as RotationStep;
  report.steps.push(step(noun === "key" ? "add-key" : "create-secret", fresh.id, "done"));
  const old = current.filter((each) => oldIds.includes(each.id) && each.id !== fresh.id);
  for (const each of old)
    if (each.status === "ACTIVE") report.steps.push(step(`deactivate-${noun}`, each.id));
  if (options.deleteOld !== false) for (const each of old) report.steps.push(step(`delete-${noun}`, each.id));
  return runRotation(report, createStepRunner(report, current, steps, fresh), options);
}
