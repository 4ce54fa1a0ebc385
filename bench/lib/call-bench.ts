import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { COLUMNS, columnLabel } from "./columns.js";
import { CONTESTANTS } from "./contestants.js";
import { formatTable } from "./format-table.js";
import { startServer } from "./start-server.js";
import { median } from "./time-calls.js";

export { COLUMNS } from "./columns.js";

/** One contestant's times: microseconds per call, per column and per run, runs in the order they ran. */
export interface CallResult {
  readonly name: string;
  /** `runs[column][run]`. */
  readonly runs: readonly (readonly number[])[];
  /** The median of each column's runs. */
  readonly micros: readonly number[];
}

/** How long the per-call benchmark runs. */
export interface CallBenchOptions {
  /** Who is timed, in the order of the table: names of `CONTESTANTS` or `LAYER_STEPS`. @default every contestant */
  readonly names?: readonly string[];
  /** Calls per measurement. @default 5000 */
  readonly calls?: number;
  /** Measurements per contestant and column; medians are reported. @default 5 */
  readonly runs?: number;
  /** Calls before each measurement (and, three times over, before the first), to warm JIT and connection pools. @default 500 */
  readonly warmup?: number;
}

const CHILD = fileURLToPath(new URL("../call-child.ts", import.meta.url));
const run = promisify(execFile);

/** One contestant's times per column, measured in a fresh process. */
async function measureInChild(
  origin: string,
  name: string,
  calls: number,
  warmup: number,
): Promise<readonly number[]> {
  const args = ["--import", "tsx", CHILD, origin, name, String(calls), String(warmup)];
  const { stdout } = await run(process.execPath, args, { encoding: "utf8" });
  return (JSON.parse(stdout) as { micros: number[] }).micros;
}

/**
 * Times every contestant named on every column against one loopback server. Each run starts every contestant in a
 * fresh process of its own, one after the other, starting one further along each run, so neither a slow moment
 * of the shared machine nor going first favours anyone.
 */
export async function runCallBench(options: CallBenchOptions = {}): Promise<CallResult[]> {
  const { names = Object.keys(CONTESTANTS), calls = 5000, runs = 5, warmup = 500 } = options;
  const server = await startServer();
  try {
    // samples[contestant][column][run]
    const samples = names.map(() => COLUMNS.map((): number[] => []));
    for (let round = 0; round < runs; round++) {
      for (let turn = 0; turn < names.length; turn++) {
        const k = (turn + round) % names.length;
        const times = await measureInChild(server.origin, names[k] as string, calls, warmup);
        for (const [c, value] of times.entries()) samples[k]?.[c]?.push(value);
      }
      process.stderr.write(`  per-call run ${round + 1}/${runs} done\n`);
    }
    return names.map((name, k) => {
      const columns = samples[k] ?? [];
      return { name, runs: columns, micros: columns.map((values) => median(values)) };
    });
  } finally {
    await server.stop();
  }
}

/**
 * How long `ours` took per call relative to `theirs` in `column`: the median over runs of the ratio within each run,
 * so that the shared machine's drift from one run to the next mostly cancels out.
 */
export function ratioInRun(ours: CallResult, theirs: CallResult, column: number): number {
  const mine = ours.runs[column] ?? [];
  const other = theirs.runs[column] ?? [];
  return median(mine.map((micros, run) => micros / (other[run] ?? Number.NaN)));
}

/**
 * The per-call table: a row per result, a column per {@link COLUMNS}, each cell the median microseconds and in
 * brackets the ratio (within each run) to the result called `baseline`.
 */
export function callTable(heading: string, results: readonly CallResult[], baseline: string): string {
  const base = results.find((result) => result.name === baseline);
  const rows = results.map((result) => [
    result.name,
    ...result.micros.map((micros, c) => {
      const ratio = base ? ratioInRun(result, base, c) : Number.NaN;
      return `${micros.toFixed(0)} µs (${ratio.toFixed(2)}×)`;
    }),
  ]);
  return formatTable([heading, ...COLUMNS.map(columnLabel)], rows);
}
