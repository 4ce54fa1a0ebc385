import type { CredentialStatus } from "../api/types.js";
import type { RotationAction, RotationStepStatus } from "../rotation/rotation-report.js";
import { CREATES } from "../rotation/step-runner.js";

/** How one app's rotation ended in a fleet run. */
export type FleetOutcome =
  /** Rotated: new credential created and deployed, old ones retired. */
  | "rotated"
  /** First phase of a rotation with a grace period: new credential deployed, the old one still ACTIVE. */
  | "created"
  /** Second phase: the grace period is over and the old credential is retired. */
  | "retired"
  /** Two active credentials whose grace period is not over yet. */
  | "waiting"
  /** Not due: its newest active credential is younger than `ifOlderThan`. */
  | "up-to-date"
  /** Nothing this run may do (see the message): no active credential, or two without a grace period. */
  | "skipped"
  /** Only a plan (`dryRun`). */
  | "planned"
  /** Done by an earlier run, as its journal records. */
  | "journaled"
  | "failed";

/** One line of a fleet run's journal: an app's rotation starting, each step as it changes, and its outcome. */
export type JournalEntry =
  | {
      readonly appId: string;
      readonly kind: "client-secret" | "jwk";
      readonly event: "start";
      /** The credentials the app had before anything changed. */
      readonly before: readonly { readonly id: string; readonly status: CredentialStatus }[];
      /** Finishing a rotation created earlier: the new credential's id. */
      readonly fresh?: string;
    }
  | {
      readonly appId: string;
      readonly kind: "client-secret" | "jwk";
      readonly event: "step";
      readonly action: RotationAction;
      readonly target: string;
      readonly status: RotationStepStatus;
    }
  | {
      readonly appId: string;
      readonly kind: "client-secret" | "jwk";
      /** Written right before the create request, so that a resume can tell the credential it made from others. */
      readonly event: "creating";
      /** When the request was about to go, on the run's clock (`now`), as an ISO 8601 time. */
      readonly at: string;
      /** Keys: the `kid` of the key being added. */
      readonly kid?: string;
    }
  | {
      readonly appId: string;
      readonly kind: "client-secret" | "jwk";
      readonly event: "end";
      readonly outcome: FleetOutcome;
    };

/**
 * Where a fleet run records each app's progress as it happens, so that a run stopped midway (killed, crashed)
 * resumes without touching an app twice. `append` must have stored the entry when it returns.
 */
export interface FleetJournal {
  /** The entries of earlier runs, oldest first. */
  readonly entries: readonly JournalEntry[];
  append(entry: JournalEntry): void;
}

/** What the journal says about one app: nothing, finished (with its outcome), or stopped midway. */
export interface JournalState {
  readonly outcome?: FleetOutcome;
  /** The app's credentials before the interrupted run, when it was interrupted. */
  readonly before?: readonly { readonly id: string; readonly status: CredentialStatus }[];
  /** The new credential's id, once created (or the one being finished). */
  readonly fresh?: string;
  /** Whether the new credential's deploy had finished. */
  readonly deployed?: boolean;
  /** Whether the interrupted run was finishing a rotation created earlier. */
  readonly finishing?: boolean;
  /** The create the interrupted run was about to send, when it got that far. */
  readonly creating?: { readonly at: string; readonly kid?: string };
}

/** Reads the latest run of `appId`'s rotation of `kind` from the journal's entries. */
export function journalState(
  entries: readonly JournalEntry[],
  appId: string,
  kind: JournalEntry["kind"],
): JournalState {
  let state: { -readonly [K in keyof JournalState]: JournalState[K] } = {};
  for (const entry of entries) {
    if (entry.appId !== appId || entry.kind !== kind) continue;
    if (entry.event === "start") {
      state = { before: entry.before };
      if (entry.fresh) state = { ...state, fresh: entry.fresh, deployed: true, finishing: true };
    } else if (entry.event === "end") state = { outcome: entry.outcome };
    else if (entry.event === "creating") {
      state.creating = entry.kid === undefined ? { at: entry.at } : { at: entry.at, kid: entry.kid };
    } else if (CREATES.has(entry.action)) {
      if (entry.status === "done") state.fresh = entry.target;
      if (entry.status === "rolled-back") delete state.fresh;
    } else if (entry.status === "done" && entry.action === "deploy") state.deployed = true;
  }
  return state;
}

/**
 * The new credential of the app's latest first phase the journal records, and whether its deploy finished; a
 * rotation being finished counts as deployed. `undefined` when the journal records none (or it was rolled back).
 */
export function journaledFresh(
  entries: readonly JournalEntry[],
  appId: string,
  kind: JournalEntry["kind"],
): { readonly id: string; readonly deployed: boolean } | undefined {
  let fresh: { id: string; deployed: boolean } | undefined;
  for (const entry of entries) {
    if (entry.appId !== appId || entry.kind !== kind) continue;
    if (entry.event === "start" && entry.fresh) fresh = { id: entry.fresh, deployed: true };
    if (entry.event !== "step") continue;
    if (CREATES.has(entry.action) && entry.status === "done") fresh = { id: entry.target, deployed: false };
    else if (CREATES.has(entry.action) && entry.status === "rolled-back") fresh = undefined;
    else if (entry.action === "deploy" && entry.status === "done" && fresh?.id === entry.target) {
      fresh.deployed = true;
    }
  }
  return fresh;
}
