import type { ClientSecret, Jwk } from "../api/types.js";
import type { OktaClient } from "../client.js";
import { withCause } from "../errors/see-cause.js";
import { isRotationError } from "../rotation/rotation-error.js";
import type { RotationStep } from "../rotation/rotation-report.js";
import { CREATES } from "../rotation/step-runner.js";
import { ageMs } from "./audited-credential.js";
import {
  type App,
  type AppRotation,
  type DistributiveOmit,
  graceStarted,
  resume,
  type StartRotation,
  snapshot,
} from "./fleet-app.js";
import { type FleetOutcome, type JournalEntry, type JournalState, journalState } from "./fleet-journal.js";
import type { FleetKind } from "./fleet-kind.js";
import type { FleetRotationSettings } from "./fleet-rotation-options.js";
import { createdMs, secondPhase } from "./second-phase.js";

// Outcomes a later run looks at again: the due rules decide those apps afresh, without touching any twice.
const REVISITED: ReadonlySet<FleetOutcome> = new Set(["created", "waiting", "up-to-date", "skipped"]);

/** Rotates one app as its journal, its credentials and the settings say; an app's failure is its outcome. */
export async function rotateApp<Kind extends ClientSecret | Jwk>(
  okta: OktaClient,
  kind: FleetKind<Kind>,
  settings: FleetRotationSettings<Kind>,
  start: StartRotation<Kind>,
  appId: string,
): Promise<AppRotation> {
  const { journal, dryRun, signal } = settings;
  const state = journal ? journalState(journal.entries, appId, kind.kind) : {};
  if (state.outcome && !REVISITED.has(state.outcome)) {
    return { appId, outcome: "journaled", message: `an earlier run recorded: ${state.outcome}` };
  }
  let recorded = false;
  const record = (entry: DistributiveOmit<JournalEntry, "appId" | "kind">) => {
    if (dryRun) return;
    recorded = true;
    journal?.append({ appId, kind: kind.kind, ...entry } as JournalEntry);
  };
  const app = { okta, kind, settings, start, appId, record };
  let result: AppRotation;
  try {
    result = await decide(app, state);
  } catch (error) {
    // Stopped by the abort before this run recorded anything of the app: a resume decides it afresh.
    if (signal?.aborted && !recorded) throw error;
    const message = withCause(error);
    result = {
      appId,
      outcome: "failed",
      message,
      ...(isRotationError(error) ? { report: error.report } : {}),
    };
  }
  record({ event: "end", outcome: result.outcome });
  return result;
}

/** The phase the app needs: resume, finish after the grace period, wait, rotate, or nothing. */
async function decide<Kind extends ClientSecret | Jwk>(
  app: App<Kind>,
  state: JournalState,
): Promise<AppRotation> {
  const { kind, settings, appId } = app;
  const current = await kind.list(app.okta, appId, settings.signal);
  if (state.before && !state.outcome) return (await resume(app, state, current)) ?? decide(app, {});
  const { noun } = kind;
  const active = current
    .filter((c) => kind.counts(c) && c.status === "ACTIVE")
    .sort((a, b) => createdMs(a) - createdMs(b));
  const newest = active.at(-1);
  if (!newest) return { appId, outcome: "skipped", message: `no active ${noun} to rotate` };
  const age = ageMs(newest.created, settings.now());
  if (active.length >= 2) return secondPhase(app, current, active, age);
  // Strictly older is due, as in an audit; an age that cannot be told (0) is not.
  if (settings.ifOlderThanMs !== undefined && !(age > settings.ifOlderThanMs)) {
    return { appId, outcome: "up-to-date", message: `${noun} ${newest.id} is not due` };
  }
  return rotate(app, current);
}

/** Rotates from scratch; with a grace period, stops after the deploy and leaves the old credential ACTIVE. */
async function rotate<Kind extends ClientSecret | Jwk>(
  app: App<Kind>,
  current: readonly Kind[],
): Promise<AppRotation> {
  const { settings, appId, record, kind } = app;
  const grace = settings.graceMs !== undefined;
  let made = false;
  const onStep = (step: Readonly<RotationStep>) => {
    record({ event: "step", action: step.action, target: step.target, status: step.status });
    if (CREATES.has(step.action) && step.status === "done") made = true;
  };
  // What a resume needs to tell the credential this run creates from one someone else adds meanwhile.
  const beforeCreate = ({ kid }: { readonly kid?: string }) => {
    const at = new Date(settings.now()).toISOString();
    record({ event: "creating", at, ...(kid === undefined ? {} : { kid }) });
  };
  record({ event: "start", before: snapshot(kind, current) });
  const report = await app.start(
    appId,
    { listed: current, beforeCreate },
    {
      dryRun: settings.dryRun,
      deleteOld: settings.deleteOld,
      onStep,
      deploy: (credential) => settings.deploy(appId, credential),
      // A grace period keeps the old credential: no step after the creation retires anything.
      ...(grace ? { confirm: () => !made } : {}),
    },
  );
  if (settings.dryRun) return { appId, outcome: "planned", message: "due", report };
  const fresh = report.secret?.id ?? report.key?.id;
  if (!grace) return { appId, outcome: "rotated", message: `rotated to ${fresh}`, report };
  return graceStarted(appId, fresh, report);
}
