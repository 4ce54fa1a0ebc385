import { type Duration, parseDuration } from "./duration.js";
import type { FleetJournal } from "./fleet-journal.js";
import { type FleetOptions, type FleetSettings, resolveFleetOptions } from "./run-fleet.js";

/** Options of `rotateSecrets` and `rotateKeys`. */
export interface FleetRotationOptions<Credential> extends FleetOptions {
  /**
   * Puts an app's new credential in place and returns once its clients use it; it may run again for the same
   * credential when a run resumes after a crash, so it must be idempotent.
   */
  readonly deploy: (appId: string, credential: Credential) => Promise<void>;
  /** Rotate only apps whose newest active credential is older than this. @default every app is due */
  readonly ifOlderThan?: Duration | undefined;
  /**
   * Two phases: a due app gets its new credential created and deployed while the old one stays ACTIVE; a later
   * run, once this long has passed since the new credential's `created`, retires the old one.
   * @default one phase: the old credential is retired right after the deploy
   */
  readonly grace?: Duration | undefined;
  /** Delete old credentials after deactivating them. @default true */
  readonly deleteOld?: boolean | undefined;
  /** Only plan: list each app's credentials and say what would be done. @default false */
  readonly dryRun?: boolean | undefined;
  /** Records each app's steps as they happen; a run given the journal of a stopped one resumes it. */
  readonly journal?: FleetJournal | undefined;
}

/** {@link FleetRotationOptions} checked, durations in milliseconds. */
export interface FleetRotationSettings<Credential> extends FleetSettings {
  readonly deploy: (appId: string, credential: Credential) => Promise<void>;
  readonly ifOlderThanMs: number | undefined;
  readonly graceMs: number | undefined;
  readonly deleteOld: boolean;
  readonly dryRun: boolean;
  readonly journal: FleetJournal | undefined;
}

/**
 * Checks a fleet rotation's app ids and options, before any request.
 * @throws {TypeError} naming the option that is wrong.
 */
export function resolveFleetRotation<Credential>(
  appIds: readonly string[],
  options: FleetRotationOptions<Credential>,
): FleetRotationSettings<Credential> {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object such as { deploy }");
  }
  const { deploy, ifOlderThan, grace, deleteOld = true, dryRun = false, journal } = options;
  if (typeof dryRun !== "boolean") throw new TypeError("options.dryRun must be a boolean");
  if (typeof deleteOld !== "boolean") throw new TypeError("options.deleteOld must be a boolean");
  if (!dryRun && typeof deploy !== "function") {
    throw new TypeError(
      "options.deploy must be a function (appId, credential) that puts the new credential in place",
    );
  }
  const { entries, append } = journal ?? { entries: [], append: () => {} };
  if (!Array.isArray(entries) || typeof append !== "function") {
    throw new TypeError("options.journal must have entries (an array) and append(entry)");
  }
  return {
    ...resolveFleetOptions(appIds, options),
    deploy,
    ifOlderThanMs: ifOlderThan === undefined ? undefined : parseDuration(ifOlderThan, "options.ifOlderThan"),
    graceMs: grace === undefined ? undefined : parseDuration(grace, "options.grace"),
    deleteOld,
    dryRun,
    journal,
  };
}
