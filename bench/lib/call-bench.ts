import { type Contestant, createContestants } from "./contestants.js";
import { startServer } from "./start-server.js";
import { median, timeCalls } from "./time-calls.js";

/** One column of the per-call table: an operation at a concurrency. */
export interface Column {
  readonly operation: "list" | "create";
  readonly concurrency: number;
}

/** The four columns the README promises: `jwks.list` and `secrets.create`, sequential and 64-way. */
export const COLUMNS: readonly Column[] = [
  { operation: "list", concurrency: 1 },
  { operation: "list", concurrency: 64 },
  { operation: "create", concurrency: 1 },
  { operation: "create", concurrency: 64 },
];

/** Median microseconds per call and median ratio to raw fetch of the same run, per contestant and column. */
export interface CallResult {
  readonly name: string;
  readonly micros: readonly number[];
  readonly ratios: readonly number[];
}

/** How long the per-call benchmark runs. */
export interface CallBenchOptions {
  /** Calls per measurement. @default 5000 */
  readonly calls?: number;
  /** Measurements per contestant and column; medians are reported. @default 5 */
  readonly runs?: number;
  /** Calls before each measurement (and, four times over, before the first), to warm JIT and connection pools. @default 500 */
  readonly warmup?: number;
}

async function measure(
  contestant: Contestant,
  column: Column,
  calls: number,
  warmup: number,
): Promise<number> {
  const call = column.operation === "list" ? () => contestant.list() : () => contestant.create();
  await timeCalls(call, warmup, column.concurrency);
  return timeCalls(call, calls, column.concurrency);
}

/**
 * Times every contestant on every column against a fresh loopback server. Everyone is warmed up on every column
 * first; within a run contestants take turns column by column, starting one further along each run, so neither
 * a slow moment of the shared machine nor going first favours anyone.
 */
export async function runCallBench(options: CallBenchOptions = {}): Promise<CallResult[]> {
  const { calls = 5000, runs = 5, warmup = 500 } = options;
  const server = await startServer();
  try {
    const contestants = await createContestants(server.origin);
    // samples[contestant][column][run]
    const micros = contestants.map(() => COLUMNS.map((): number[] => []));
    const ratios = contestants.map(() => COLUMNS.map((): number[] => []));
    for (const contestant of contestants) {
      for (const column of COLUMNS) await measure(contestant, column, 3 * warmup, warmup);
    }
    for (let run = 0; run < runs; run++) {
      for (const [c, column] of COLUMNS.entries()) {
        const values: number[] = [];
        for (let turn = 0; turn < contestants.length; turn++) {
          const k = (turn + run) % contestants.length;
          values[k] = await measure(contestants[k] as Contestant, column, calls, warmup);
        }
        for (const [k, value] of values.entries()) {
          micros[k]?.[c]?.push(value);
          ratios[k]?.[c]?.push(value / (values[0] as number));
        }
      }
      process.stderr.write(`  per-call run ${run + 1}/${runs} done\n`);
    }
    for (const contestant of contestants) contestant.close?.();
    return contestants.map((contestant, k) => ({
      name: contestant.name,
      micros: COLUMNS.map((_, c) => median(micros[k]?.[c] ?? [])),
      ratios: COLUMNS.map((_, c) => median(ratios[k]?.[c] ?? [])),
    }));
  } finally {
    await server.stop();
  }
}
