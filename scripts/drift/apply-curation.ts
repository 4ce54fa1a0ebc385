import type { Curation, Expectation } from "./curation.js";
import type { Difference } from "./model.js";
import { canonical } from "./model.js";

/** What is left once the recorded deviations are taken away. */
export interface DriftResult {
  /** Differences no record explains: upstream changed, or our spec did without a record. */
  unrecorded: Difference[];
  /** Differences explained, with the id of the deviation that explains each. */
  recorded: Array<{ id: string; difference: Difference }>;
  /** Expectations that matched nothing: upstream no longer differs that way, so the record is out of date. */
  stale: Array<{ id: string; expectation: Expectation }>;
}

/** Turns a glob into an anchored RegExp: `**` crosses dots, `*` stays within one segment. */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split("**")
    .map((part) =>
      part
        .split("*")
        .map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^.]*"),
    )
    .join(".*");
  return new RegExp(`^${source}$`);
}

function matcher(expectation: Expectation): (difference: Difference) => boolean {
  const op = globToRegExp(expectation.op);
  const at = globToRegExp(expectation.at);
  return (d) =>
    d.change === expectation.change &&
    op.test(d.op) &&
    at.test(d.at) &&
    (expectation.upstream === undefined || canonical(expectation.upstream) === canonical(d.upstream)) &&
    (expectation.ours === undefined || canonical(expectation.ours) === canonical(d.ours));
}

/** Subtracts every recorded deviation from `differences` and finds the records nothing matched. */
export function applyCuration(differences: Difference[], curation: Curation): DriftResult {
  const rules = curation.deviations.flatMap(({ id, drift }) =>
    drift.map((expectation) => ({ id, expectation, matches: matcher(expectation), used: false })),
  );
  const result: DriftResult = { unrecorded: [], recorded: [], stale: [] };
  for (const difference of differences) {
    // Every matching rule counts as seen, so an overlapping broader record never looks stale.
    const matching = rules.filter((r) => r.matches(difference));
    for (const rule of matching) rule.used = true;
    const [first] = matching;
    if (first) result.recorded.push({ id: first.id, difference });
    else result.unrecorded.push(difference);
  }
  result.stale = rules.filter((r) => !r.used).map(({ id, expectation }) => ({ id, expectation }));
  return result;
}
