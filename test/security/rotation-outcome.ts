import { expect } from "vitest";
import { isRotationError, type RotationError, type RotationReport } from "../../src/index.js";

/** The `RotationError` a rotation rejects with; fails the test when it resolves or rejects with anything else. */
export async function rotationFailure(run: Promise<unknown>): Promise<RotationError> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isRotationError(error)).toBe(true);
  return error as RotationError;
}

/** A report's steps, one `status action target` line each, for comparing with what was expected. */
export const steps = (report: RotationReport): string[] =>
  report.steps.map((step) => `${step.status} ${step.action} ${step.target}`);
