import type { CallResult } from "./call-bench.js";
import { OKTA_SDK_NAME, ON_BUILTIN_FETCH, ON_NODE_TRANSPORT } from "./contestants.js";

/** What the targets are judged on. */
export interface TargetInput {
  readonly calls: readonly CallResult[];
  readonly coldImportMillis: number;
  readonly coreGzipBytes: number;
}

/** The project's performance targets, as data: a name and how to judge it. */
const TARGETS: readonly (readonly [name: string, met: (input: TargetInput) => boolean | undefined])[] = [
  [
    "per call at or below Okta's SDK in every column, on createNodeTransport()",
    (input) => everyColumn(input, ON_NODE_TRANSPORT.ours, OKTA_SDK_NAME, 1),
  ],
  [
    "per call at or below Okta's SDK in every column, on Node's built-in fetch",
    (input) => everyColumn(input, ON_BUILTIN_FETCH.ours, OKTA_SDK_NAME, 1),
  ],
  [
    "per call at most 5 % over bare openapi-fetch in every column, both on createNodeTransport()",
    (input) => everyColumn(input, ON_NODE_TRANSPORT.ours, ON_NODE_TRANSPORT.bare, 1.05),
  ],
  [
    "per call at most 5 % over bare openapi-fetch in every column, both on Node's built-in fetch",
    (input) => everyColumn(input, ON_BUILTIN_FETCH.ours, ON_BUILTIN_FETCH.bare, 1.05),
  ],
  ["cold import ≤ 15 ms", (input) => input.coldImportMillis <= 15],
  ["core bundle ≤ 8 kB min+gz", (input) => input.coreGzipBytes <= 8 * 1024],
];

/** Whether `ours` took at most `factor` times as long as `theirs` in every column; `undefined` if one is missing. */
function everyColumn(input: TargetInput, ours: string, theirs: string, factor: number): boolean | undefined {
  const mine = input.calls.find((result) => result.name === ours);
  const other = input.calls.find((result) => result.name === theirs);
  if (!mine || !other) return undefined;
  return mine.micros.every((micros, i) => micros <= (other.micros[i] ?? Number.NaN) * factor);
}

/** One Markdown list item per target: met, missed, or not measured. */
export function describeTargets(input: TargetInput): string {
  return TARGETS.map(([name, met]) => {
    const verdict = met(input);
    return `- ${verdict === undefined ? "not measured" : verdict ? "met" : "MISSED"}: ${name}`;
  }).join("\n");
}
