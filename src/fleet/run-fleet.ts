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
   * Stops the run: no further app is started and the call rejects with the reason; an audit's calls in flight are
   * aborted, a rotation under way finishes its app (a journal then shows where the run stopped).
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
  /** The clock ages are measured with, in epoch milliseconds. @default Date.now */
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
  if (typeof now !== "function") throw new TypeError("options.now must be a function returning epoch ms");
  return { appIds: [...new Set(appIds)], signal, onProgress, concurrency, now };
}

/**
 * Runs `task` for every app, at most `concurrency` at once, and resolves to the results in the apps' order. A task
 * that rejects rejects the run and no further app starts (tasks turn expected failures into results); so does an abort.
 */
export async function forEachApp<Result>(
  settings: FleetSettings,
  task: (appId: string) => Promise<Result>,
): Promise<Result[]> {
  const { appIds, signal, onProgress, concurrency } = settings;
  const results: Result[] = new Array(appIds.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (next < appIds.length && !failed) {
      signal?.throwIfAborted();
      const index = next++;
      const appId = appIds[index] as string;
      try {
        results[index] = await task(appId);
      } catch (error) {
        // The other workers start no further app.
        failed = true;
        throw error;
      }
      onProgress({ done: ++done, total: appIds.length, appId });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, appIds.length) }, worker));
  return results;
}
