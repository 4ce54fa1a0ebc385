import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import type { Change, Json } from "./model.js";
import { isJsonObject } from "./model.js";

/** One difference a deviation causes, as the drift check sees it. `op` and `at` accept `*` and `**`. */
export interface Expectation {
  /** operationId glob. @default "*" */
  op: string;
  /** Path glob in the normalised model: `*` stays inside one dotted segment, `**` crosses them. */
  at: string;
  change: Change;
  /** Upstream value the difference must show; not checked when absent. */
  upstream?: Json;
  /** Our value the difference must show; not checked when absent. */
  ours?: Json;
}

/** One deliberate deviation from Okta's text, with the differences the drift check expects from it. */
export interface Deviation {
  id: string;
  where: string;
  kind: string;
  upstream: string;
  ours: string;
  why: string;
  evidence: string[];
  /** A reverted deviation keeps its id and row, marked withdrawn, and expects no drift. */
  withdrawn: boolean;
  /** Differences it causes in the normalised model; empty when it touches only names, prose or examples. */
  drift: Expectation[];
}

/** The whole record: the prose around the table, then the deviations in id order. */
export interface Curation {
  intro: string;
  deviations: Deviation[];
}

const CHANGES: readonly Change[] = ["only-upstream", "only-ours", "differs"];

function text(value: Json | undefined, field: string): string {
  if (typeof value !== "string" || value.trim() === "")
    throw new TypeError(`curation: ${field} must be a non-empty string`);
  return value.trim();
}

function toExpectation(raw: Json, id: string): Expectation {
  if (!isJsonObject(raw)) throw new TypeError(`curation: ${id} drift entries must be objects`);
  const change = raw.change;
  if (!CHANGES.includes(change as Change))
    throw new TypeError(`curation: ${id} drift change must be one of ${CHANGES.join(", ")}`);
  const expectation: Expectation = {
    op: raw.op === undefined ? "*" : text(raw.op, `${id} op`),
    at: text(raw.at, `${id} at`),
    change: change as Change,
  };
  if (raw.upstream !== undefined) expectation.upstream = raw.upstream;
  if (raw.ours !== undefined) expectation.ours = raw.ours;
  return expectation;
}

function toDeviation(raw: Json): Deviation {
  if (!isJsonObject(raw)) throw new TypeError("curation: every deviation must be an object");
  const id = text(raw.id, "id");
  const evidence = Array.isArray(raw.evidence) ? raw.evidence.map((e) => text(e, `${id} evidence`)) : [];
  const drift = Array.isArray(raw.drift) ? raw.drift.map((e) => toExpectation(e, id)) : [];
  const field = (name: string) => text(raw[name], `${id} ${name}`);
  const withdrawn = raw.withdrawn === true;
  if (withdrawn && drift.length > 0)
    throw new TypeError(`curation: ${id} is withdrawn and cannot expect drift`);
  return {
    id,
    where: field("where"),
    kind: field("kind"),
    upstream: field("upstream"),
    ours: field("ours"),
    why: field("why"),
    evidence,
    withdrawn,
    drift,
  };
}

/** Parses and checks `spec/curation.yaml`; throws a `TypeError` naming the first malformed field. */
export function parseCuration(source: string): Curation {
  const raw: unknown = parse(source);
  if (!isJsonObject(raw) || !Array.isArray(raw.deviations))
    throw new TypeError("curation: expected `intro` and `deviations`");
  const deviations = raw.deviations.map(toDeviation);
  const seen = new Set<string>();
  for (const { id } of deviations) {
    if (seen.has(id)) throw new TypeError(`curation: duplicate id ${id}`);
    seen.add(id);
  }
  return { intro: text(raw.intro, "intro"), deviations };
}

/** Reads and parses a curation file. */
export async function loadCuration(path: string): Promise<Curation> {
  return parseCuration(await readFile(path, "utf8"));
}
