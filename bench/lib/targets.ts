import { type CallResult, COLUMNS, ratioInRun } from "./call-bench.js";
import { columnLabel } from "./columns.js";
import { CONTESTANT } from "./contestants.js";

/** What the targets are judged on, all from one run. */
export interface TargetInput {
  readonly calls: readonly CallResult[];
  readonly coldImportMillis: number;
  readonly coreGzipBytes: number;
  /** The budget `npm run check:package` holds the core first load to (`CORE.budget` in `scripts/package/app-entries.ts`). */
  readonly coreBudgetBytes: number;
}

/** A performance target: what is measured, the most it may be, and how both are printed. */
interface Target {
  readonly name: string;
  /** The figure judged, or `undefined` when this run did not measure it. */
  readonly measured: (input: TargetInput) => number | undefined;
  readonly limit: (input: TargetInput) => number;
  readonly format: (value: number) => string;
  /** The figures behind `measured`, when there are several. */
  readonly detail?: (input: TargetInput) => string | undefined;
}

const times = (ratio: number) => `${ratio.toFixed(2)}×`;
const millis = (ms: number) => `${ms.toFixed(1)} ms`;
// Bytes as `npm run check:package` prints them, and in kB of 1024 bytes, the unit its budget is written in.
const bytes = (count: number) => `${count} B = ${(count / 1024).toFixed(2)} kB`;

/** The project's performance targets, as data: each is met when its figure is at most its limit. */
const TARGETS: readonly Target[] = [
  {
    name: "per call, this client within 1.15× bare openapi-fetch, both on Node's built-in fetch (slowest column)",
    measured: (input) => {
      const ratios = oursOverBare(input);
      return ratios && Math.max(...ratios);
    },
    limit: () => 1.15,
    format: times,
    detail: (input) => {
      const ratios = oursOverBare(input);
      return (
        ratios &&
        COLUMNS.map((column, c) => `${columnLabel(column)} ${times(ratios[c] ?? Number.NaN)}`).join(", ")
      );
    },
  },
  {
    name: "cold import of the main entry",
    measured: (input) => input.coldImportMillis,
    limit: () => 15,
    format: millis,
  },
  {
    name: "core first load (min+gz, browser) within the budget `npm run check:package` enforces",
    measured: (input) => input.coreGzipBytes,
    limit: (input) => input.coreBudgetBytes,
    format: bytes,
  },
];

/** This client's time per call over bare openapi-fetch's, per column (ratios within each run, median of runs). */
function oursOverBare(input: TargetInput): number[] | undefined {
  const ours = input.calls.find((result) => result.name === CONTESTANT.ours);
  const bare = input.calls.find((result) => result.name === CONTESTANT.bare);
  if (!ours || !bare) return undefined;
  return COLUMNS.map((_, c) => ratioInRun(ours, bare, c));
}

/** One Markdown list item per target: met, missed or not measured, with the figure, the limit and any detail. */
export function describeTargets(input: TargetInput): string {
  return TARGETS.map((target) => {
    const value = target.measured(input);
    const limit = target.limit(input);
    if (value === undefined || Number.isNaN(value)) return `- not measured: ${target.name}`;
    const verdict = value <= limit ? "met" : "MISSED";
    const detail = target.detail?.(input);
    return `- ${verdict}: ${target.name}: ${target.format(value)}, at most ${target.format(limit)}${detail ? ` (${detail})` : ""}`;
  }).join("\n");
}
