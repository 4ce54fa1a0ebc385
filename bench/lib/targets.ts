import type { CallResult } from "./call-bench.js";

/** What the targets are judged on. */
export interface TargetInput {
  readonly calls: readonly CallResult[];
  readonly coldImportMillis: number;
  readonly coreGzipBytes: number;
}

const THIS_CLIENT = "this client (dist)";
const BARE = "openapi-fetch (bare)";
const PEER = /^@okta\/okta-sdk-nodejs/;

/** The project's performance targets, as data: a name and how to judge it. */
const TARGETS: readonly (readonly [name: string, met: (input: TargetInput) => boolean | undefined])[] = [
  ["per call at or below Okta's SDK in every column", (input) => everyColumn(input, PEER, 1)],
  ["per call at most 5 % over bare openapi-fetch in every column", (input) => everyColumn(input, BARE, 1.05)],
  ["cold import ≤ 15 ms", (input) => input.coldImportMillis <= 15],
  ["core bundle ≤ 8 kB min+gz", (input) => input.coreGzipBytes <= 8 * 1024],
];

function everyColumn(input: TargetInput, other: string | RegExp, factor: number): boolean | undefined {
  const ours = input.calls.find((result) => result.name === THIS_CLIENT);
  const theirs = input.calls.find((result) =>
    typeof other === "string" ? result.name === other : other.test(result.name),
  );
  if (!ours || !theirs) return undefined;
  return ours.micros.every((micros, i) => micros <= (theirs.micros[i] ?? Number.NaN) * factor);
}

/** One Markdown list item per target: met, missed, or not measured. */
export function describeTargets(input: TargetInput): string {
  return TARGETS.map(([name, met]) => {
    const verdict = met(input);
    return `- ${verdict === undefined ? "not measured" : verdict ? "met" : "MISSED"}: ${name}`;
  }).join("\n");
}
