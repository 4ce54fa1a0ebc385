import { OktaError } from "../errors/okta-errors.js";
import type { RotationReport } from "./rotation-report.js";

/** A rotation stopped: a precondition failed, a step failed, or `deploy` threw (then the new credential is undone). */
export class RotationError extends OktaError {
  override name = "RotationError" as const;
  /** What was done, failed, rolled back or left planned. */
  readonly report: RotationReport;

  constructor(message: string, report: RotationReport, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.report = report;
  }
}

/** Whether `value` is a {@link RotationError}, also across realms and duplicate copies of this package. */
export function isRotationError(value: unknown): value is RotationError {
  return (
    value instanceof RotationError ||
    (typeof value === "object" && value !== null && (value as { name?: unknown }).name === "RotationError")
  );
}
