import { applyCuration, type DriftResult } from "./apply-curation.js";
import { loadCuration } from "./curation.js";
import { diffOperations } from "./diff-operations.js";
import { loadTagged } from "./load-tagged.js";
import type { OperationModel } from "./model.js";
import { normaliseDocument } from "./normalise-document.js";

/** The tag that gathers the operations this project covers. */
export const TAG = "ApplicationSSOPublicKeys";

/** Inputs of a drift check. */
export interface DriftOptions {
  /** Okta's management spec (or any document with the tagged operations): a path or an http(s) URL. */
  upstream: string;
  /** Our curated fragment. */
  spec: string;
  /** The record of deliberate deviations. */
  curation: string;
}

/** A finished drift check: the result, plus what the report needs to name operations and sources. */
export interface DriftReport extends DriftResult {
  options: DriftOptions;
  upstreamVersion: string;
  /** operationId → `METHOD /path`, from both documents. */
  titles: Record<string, string>;
  operations: { upstream: number; ours: number };
  millis: number;
}

function titles(models: OperationModel[]): Array<[string, string]> {
  return models.map((model) => [model.operationId, model.title]);
}

/** Loads both documents, normalises and compares them, and subtracts the recorded deviations. */
export async function runDrift(options: DriftOptions, now: () => number = Date.now): Promise<DriftReport> {
  const started = now();
  const [upstreamDoc, oursDoc, curation] = await Promise.all([
    loadTagged(options.upstream, TAG),
    loadTagged(options.spec, TAG),
    loadCuration(options.curation),
  ]);
  const upstream = normaliseDocument(upstreamDoc, TAG);
  const ours = normaliseDocument(oursDoc, TAG);
  const result = applyCuration(diffOperations(upstream, ours), curation);
  const info = upstreamDoc.info;
  return {
    ...result,
    options,
    upstreamVersion: typeof info === "object" && info && "version" in info ? String(info.version) : "unknown",
    titles: Object.fromEntries([...titles(upstream), ...titles(ours)]),
    operations: { upstream: upstream.length, ours: ours.length },
    millis: now() - started,
  };
}
