import type { ClientSecret, Jwk } from "../api/types.js";
import { type App, type AppRotation, finish } from "./fleet-app.js";
import { journaledFresh } from "./fleet-journal.js";

/** Epoch ms of a credential's `created`; 0 when it cannot be read. */
export const createdMs = (credential: { created: string }) => Date.parse(credential.created) || 0;

/**
 * The second phase of an app with two or more ACTIVE credentials (`active`, oldest first, `age` that of the newest):
 * skipped without a grace period, waiting during it, and after it the older ones are retired for the newest;
 * unless the run's journal records a first phase whose new credential is another, or was never deployed.
 * @throws {Error} in that case, before touching anything.
 */
export async function secondPhase<Kind extends ClientSecret | Jwk>(
  app: App<Kind>,
  current: readonly Kind[],
  active: readonly Kind[],
  age: number,
): Promise<AppRotation> {
  const { settings, appId, kind } = app;
  const { noun } = kind;
  const newest = active.at(-1) as Kind;
  if (settings.graceMs === undefined) {
    const message = `${active.length} active ${noun}s (a rotation left half-done); a run with a grace period finishes it`;
    return { appId, outcome: "skipped", message };
  }
  // An age that cannot be told (a clock gone wrong) is still within the grace period.
  if (!(age >= settings.graceMs)) {
    const ends = new Date(createdMs(newest) + settings.graceMs).toISOString();
    return { appId, outcome: "waiting", message: `grace period of ${newest.id} ends ${ends}` };
  }
  const journaled = settings.journal && journaledFresh(settings.journal.entries, appId, kind.kind);
  if (journaled && !(journaled.id === newest.id && journaled.deployed)) {
    const what =
      journaled.id === newest.id
        ? `${noun} ${newest.id} as created but never deployed`
        : `${journaled.id} as the new ${noun}, not ${newest.id}, the newest active one`;
    throw new Error(`The journal records ${what}: nothing was retired; check app ${appId} by hand`);
  }
  const old = active.slice(0, -1).map((c) => c.id);
  return finish(app, current, newest, old, "retired");
}
