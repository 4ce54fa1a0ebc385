import { checkId } from "../api/ids.js";

/** How far a fleet run has got: after each app. */
export interface FleetProgress {
  /** Apps finished, this one included. */
  readonly done: number;
  readonly total: number;
  /** The app just finished. */
  readonly appId: string;
}

/** Options every fleet call takes. */
export interface FleetOptions {
  /**
   * Stops the run: no further app is started, and once the apps under way are done the call rejects with the
   * reason; an audit's calls in flight are aborted, a rotation under way finishes its app and journals its outcome
   * (the journal then shows where the run stopped).
   */
  readonly signal?: AbortSignal | undefined;
  /** Called after each app. */
  readonly onProgress?: ((progress: FleetProgress) => void) | undefined;
  /**
   * Most apps worked on at once. The client's throttle decides how many requests actually go: as many as
   * `X-Rate-Limit-Remaining` allows, then none until the window resets; Okta advises against more than about 10
   * requests in flight.
   * @default 10
   */
  readonly concurrency?: number | undefined;
  /**
   * The clock ages are measured with, in epoch milliseconds; called once more while the options are checked.
   * @default Date.now
   */
  readonly now?: (() => number) | undefined;
}

/** {@link FleetOptions} checked, with the app ids deduplicated. */
export interface FleetSettings {
  readonly appIds: readonly string[];
  readonly signal: AbortSignal | undefined;
  readonly onProgress: (progress: FleetProgress) => void;
  readonly concurrency: number;
  readonly now: () => number;
}

/**
 * Checks the app ids and the options of a fleet call, before any request; an app named twice is worked on once.
 * @throws {TypeError} naming what is wrong.
 */
export function resolveFleetOptions(appIds: readonly string[], options: FleetOptions = {}): FleetSettings {
  if (!Array.isArray(appIds)) throw new TypeError("appIds must be an array of app ids");
  for (const appId of appIds) checkId("appId", appId);
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object");
  const { signal, onProgress = () => {}, concurrency = 10, now = Date.now } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal))
    throw new TypeError("options.signal must be an AbortSignal");
  if (typeof onProgress !== "function") throw new TypeError("options.onProgress must be a function");
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 75) {
    throw new TypeError("options.concurrency must be a whole number from 1 to 75 (Okta's concurrency limit)");
  }
  // Called once here: a clock that gives no number would make every age unknown, and every credential look due.
  const at: unknown = typeof now === "function" ? now() : undefined;
  if (typeof at !== "number" || !Number.isFinite(at)) {
    throw new TypeError("options.now must be a function returning epoch ms (a finite number)");
  }
  return { appIds: [...new Set(appIds)], signal, onProgress, concurrency, now };
}

/**
 * Runs `task` for every app, at most `concurrency` at once, and resolves to the results in the apps' order. An abort,
 * or a task that rejects (tasks turn expected failures into results), starts no further app; once the apps under
 * way have finished, the run rejects with the signal's reason, else with the first rejection.
 */
export async function forEachApp<Result>(
  settings: FleetSettings,
  task: (appId: string) => Promise<Result>,
): Promise<Result[]> {
  const { appIds, signal, onProgress, concurrency } = settings;
  const results: Result[] = new Array(appIds.length);
  const failures: unknown[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < appIds.length && failures.length === 0 && !signal?.aborted) {
      const index = next++;
      const appId = appIds[index] as string;
      try {
        results[index] = await task(appId);
        onProgress({ done: ++done, total: appIds.length, appId });
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, appIds.length) }, worker));
  signal?.throwIfAborted();
  if (failures.length > 0) throw failures[0];
  return results;
}
