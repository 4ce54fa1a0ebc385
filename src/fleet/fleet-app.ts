import type { ClientSecret, Jwk } from "../api/types.js";
import type { OktaClient } from "../client.js";
import type { ListedRotation } from "../rotation/credential-steps.js";
import { retireOld } from "../rotation/retire-old.js";
import { RotationReport } from "../rotation/rotation-report.js";
import type { RotationOptions } from "../rotation/run-rotation.js";
import type { FleetOutcome, JournalEntry, JournalState } from "./fleet-journal.js";
import type { FleetKind } from "./fleet-kind.js";
import type { FleetRotationSettings } from "./fleet-rotation-options.js";
import { removeOrphan } from "./remove-orphan.js";

/** What a fleet rotation did to one app. */
export interface AppRotation {
  readonly appId: string;
  readonly outcome: FleetOutcome;
  /** One sentence for people; never a secret. */
  readonly message: string;
  /** The steps, done or planned, when the app was (or would be) changed. */
  readonly report?: RotationReport;
}

/** How a fleet rotation rotates one app of its kind from scratch (`rotateClientSecret` or `rotateJwk`). */
export type StartRotation<Kind extends ClientSecret | Jwk> = (
  appId: string,
  fleet: ListedRotation<Kind>,
  options: Omit<RotationOptions<Kind>, "deploy"> & { readonly deploy: (credential: Kind) => Promise<void> },
) => Promise<RotationReport>;

/** `Omit` applied to each member of a union. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** One app of a fleet rotation, with what working on it needs. */
export interface App<Kind extends ClientSecret | Jwk> {
  readonly okta: OktaClient;
  readonly kind: FleetKind<Kind>;
  readonly settings: FleetRotationSettings<Kind>;
  readonly start: StartRotation<Kind>;
  readonly appId: string;
  readonly record: (entry: DistributiveOmit<JournalEntry, "appId" | "kind">) => void;
}

/** The journal's record of what an app held before a rotation changed it: the credentials that count, by id and status. */
export function snapshot<Kind extends ClientSecret | Jwk>(kind: FleetKind<Kind>, current: readonly Kind[]) {
  return current.filter(kind.counts).map(({ id, status }) => ({ id, status }));
}

/** The outcome of a first phase: `freshId` deployed, the old credential still ACTIVE. */
export function graceStarted(
  appId: string,
  freshId: string | undefined,
  report?: RotationReport,
): AppRotation {
  const message = `${freshId} deployed; the old one stays active for the grace period`;
  return { appId, outcome: "created", message, ...(report ? { report } : {}) };
}

/** Retires `oldIds` for `fresh`, which an earlier run created and deployed. */
export async function finish<Kind extends ClientSecret | Jwk>(
  app: App<Kind>,
  current: readonly Kind[],
  fresh: Kind,
  oldIds: readonly string[],
  outcome: FleetOutcome,
): Promise<AppRotation> {
  const { settings, appId, kind, record } = app;
  const report = new RotationReport(appId, kind.kind, settings.dryRun, []);
  if (settings.dryRun) {
    return {
      appId,
      outcome: "planned",
      message: `would retire ${oldIds.join(", ")} for ${fresh.id}`,
      report,
    };
  }
  record({ event: "start", before: snapshot(kind, current), fresh: fresh.id });
  await retireOld(report, current, fresh, oldIds, kind.steps(app.okta, appId), {
    deleteOld: settings.deleteOld,
    onStep: (step) =>
      record({ event: "step", action: step.action, target: step.target, status: step.status }),
  });
  return { appId, outcome, message: `retired ${oldIds.join(", ")} for ${fresh.id}`, report };
}

/**
 * Picks up a rotation a crash interrupted, from what the journal and Okta say; `undefined` when it had created
 * nothing the journal knows of (what it did create is deleted), so the app is decided afresh.
 * @throws {Error} when a credential appeared that the journal does not show the run created; nothing is touched.
 */
export async function resume<Kind extends ClientSecret | Jwk>(
  app: App<Kind>,
  state: JournalState,
  current: readonly Kind[],
): Promise<AppRotation | undefined> {
  const { settings, appId } = app;
  const before = state.before ?? [];
  if (settings.dryRun) return { appId, outcome: "planned", message: "would resume an interrupted rotation" };
  const fresh = current.find((c) => c.id === state.fresh);
  if (state.fresh === undefined) {
    await removeOrphan(app, state, current);
    return undefined;
  }
  if (fresh?.status !== "ACTIVE") {
    throw new Error(
      `the new credential ${state.fresh} of an interrupted rotation is ${fresh?.status ?? "gone"}`,
    );
  }
  if (!state.deployed) {
    await settings.deploy(appId, fresh);
    app.record({ event: "step", action: "deploy", target: fresh.id, status: "done" });
  }
  const old = before.filter((b) => b.status === "ACTIVE" && b.id !== fresh.id).map((b) => b.id);
  if (state.finishing) return finish(app, current, fresh, old, "retired");
  if (settings.graceMs !== undefined) return graceStarted(appId, fresh.id);
  return finish(app, current, fresh, old, "rotated");
}
