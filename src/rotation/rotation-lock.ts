import { RotationError } from "./rotation-error.js";
import type { RotationReport } from "./rotation-report.js";
import { NOUN } from "./step-runner.js";

// The apps whose key or secret a rotation in this process is changing right now, as `<kind> <appId>`.
const running = new Set<string>();

/**
 * Runs `rotate` as the only rotation of `report.kind` for `report.appId` in this process. Overlapping runs are
 * refused rather than interleaved: a second run would take the first run's new credential for an old one and
 * retire it while the first is deploying it.
 * @throws {RotationError} at once, before any change, when such a rotation is already under way.
 */
export async function alone<Result>(report: RotationReport, rotate: () => Promise<Result>): Promise<Result> {
  const name = `${report.kind} ${report.appId}`;
  if (running.has(name)) {
    throw new RotationError(
      `Another rotation of the ${NOUN[report.kind]} of app ${report.appId} is under way in this process; rotations of one app must not overlap`,
      report,
    );
  }
  running.add(name);
  try {
    return await rotate();
  } finally {
    running.delete(name);
  }
}
