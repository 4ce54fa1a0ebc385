import { isAbsolute, relative } from "node:path";
import type { Difference, Json } from "./model.js";
import { canonical } from "./model.js";
import type { DriftReport } from "./run-drift.js";

const LABELS: Record<Difference["change"], string> = {
  "only-upstream": "only upstream",
  "only-ours": "only ours",
  differs: "differs",
};

/** Paths inside the working directory read better relative; other paths and URLs stay as given. */
function shortPath(source: string): string {
  const inside = isAbsolute(source) ? relative(process.cwd(), source) : "";
  return inside && !inside.startsWith("..") ? inside : source;
}

function show(value: Json | undefined, limit = 160): string {
  const text = canonical(value) ?? "(absent)";
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** Extra words for an enum change: which values came and went. */
function enumDelta(difference: Difference): string {
  const { upstream, ours } = difference;
  if (!difference.at.endsWith(".enum") || !Array.isArray(upstream) || !Array.isArray(ours)) return "";
  const added = upstream.filter((v) => !ours.includes(v)).map((v) => `+${String(v)}`);
  const removed = ours.filter((v) => !upstream.includes(v)).map((v) => `-${String(v)}`);
  return ` (upstream ${[...added, ...removed].join(" ")})`;
}

function describe(difference: Difference): string[] {
  const head = `  ${LABELS[difference.change]}: ${difference.at}${enumDelta(difference)}`;
  const lines = [head];
  if (difference.change !== "only-ours") lines.push(`      upstream: ${show(difference.upstream)}`);
  if (difference.change !== "only-upstream") lines.push(`      ours:     ${show(difference.ours)}`);
  return lines;
}

function groupByOperation(differences: Difference[]): Map<string, Difference[]> {
  const groups = new Map<string, Difference[]>();
  for (const difference of differences)
    groups.set(difference.op, [...(groups.get(difference.op) ?? []), difference]);
  return groups;
}

/** The human report: unrecorded differences grouped by operation, then stale records, then a verdict. */
export function formatReport(report: DriftReport): string {
  const lines = [
    `Spec drift: ${shortPath(report.options.upstream)} (version ${report.upstreamVersion}, ${report.operations.upstream} operations) against ${shortPath(report.options.spec)} (${report.operations.ours} operations)`,
    "",
  ];
  for (const [op, differences] of groupByOperation(report.unrecorded)) {
    lines.push(`${op}  ${report.titles[op] ?? ""}`.trimEnd(), ...differences.flatMap(describe), "");
  }
  if (report.stale.length > 0) {
    lines.push(
      `Stale records: upstream no longer differs this way. Update ${shortPath(report.options.curation)}:`,
    );
    for (const { id, expectation } of report.stale) {
      lines.push(`  ${id}: ${expectation.op} ${expectation.at} (${LABELS[expectation.change]})`);
    }
    lines.push("");
  }
  const ids = new Set(report.recorded.map((r) => r.id));
  lines.push(
    `${report.unrecorded.length} unrecorded difference(s), ${report.stale.length} stale record(s); ${report.recorded.length} difference(s) explained by ${ids.size} recorded deviation(s). ${report.millis} ms.`,
  );
  if (report.unrecorded.length > 0) {
    lines.push(
      `Okta's spec and ours disagree in ways ${shortPath(report.options.curation)} does not record: change the spec or record the deviation.`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The machine report for `--json`. */
export function formatJson(report: DriftReport): string {
  const { unrecorded, stale, recorded, upstreamVersion, operations, millis, options } = report;
  const ok = unrecorded.length === 0 && stale.length === 0;
  return `${JSON.stringify({ ok, upstream: options.upstream, upstreamVersion, operations, unrecorded, stale, recorded: recorded.length, millis }, null, 2)}\n`;
}
