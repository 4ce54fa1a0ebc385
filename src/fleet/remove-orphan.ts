import type { ClientSecret, Jwk } from "../api/types.js";
import { removeCredential } from "../rotation/credential-steps.js";
import type { App } from "./fleet-app.js";
import type { JournalState } from "./fleet-journal.js";

// Okta's `created` is in whole seconds, and Okta's clock and the run's may differ by a little.
const EARLIER_MS = 60_000;
// A create may wait for the rate limit's window to reset (a minute) and then for its answer (30 s by default).
const LATER_MS = 5 * 60_000;

/**
 * Whether `credential` is the one the interrupted run was creating, as its journal's `creating` entry describes it:
 * a key by its `kid`, a secret (whose value Okta generates) by its `created` time.
 */
function isOrphan(credential: ClientSecret | Jwk, creating: NonNullable<JournalState["creating"]>): boolean {
  if (creating.kid !== undefined) return "kid" in credential && credential.kid === creating.kid;
  const at = Date.parse(creating.at);
  const made = Date.parse(credential.created);
  return made >= at - EARLIER_MS && made <= at + LATER_MS;
}

/**
 * On a resume whose journal names no new credential: deletes the one the interrupted run created before it could
 * say so (never deployed). Any other credential that appeared since the run listed the app (an operator's, say)
 * fails the app, with nothing touched, for a person to look at.
 * @throws {Error} naming the credentials, when one is not recognisably the run's.
 */
export async function removeOrphan<Kind extends ClientSecret | Jwk>(
  app: App<Kind>,
  state: JournalState,
  current: readonly Kind[],
): Promise<void> {
  const { kind, appId } = app;
  const before = state.before ?? [];
  const unknown = current.filter((c) => kind.counts(c) && !before.some((b) => b.id === c.id));
  if (unknown.length === 0) return;
  const why = notTheRunsOwn(unknown, state.creating);
  if (why) {
    const ids = unknown.map((c) => c.id).join(", ");
    throw new Error(
      `${kind.noun} ${ids} appeared since an interrupted run listed app ${appId}, and its journal ${why}: nothing was touched; check the app by hand (a new journal decides it afresh)`,
    );
  }
  await removeCredential(kind.steps(app.okta, appId), unknown[0] as Kind);
}

/** Why the credentials that appeared are not (all) the one the run was creating, or `undefined` when it is. */
function notTheRunsOwn(
  unknown: readonly (ClientSecret | Jwk)[],
  creating: JournalState["creating"],
): string | undefined {
  if (creating === undefined) return "records no create";
  if (unknown.length > 1) return "records one create";
  if (isOrphan(unknown[0] as ClientSecret | Jwk, creating)) return undefined;
  return `describes another ${creating.kid === undefined ? "creation time" : "kid"}`;
}
