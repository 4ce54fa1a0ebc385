import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { COLUMNS } from "./columns.js";
import { CONTESTANT_NAMES } from "./contestants.js";
import { startServer } from "./start-server.js";
import { median } from "./time-calls.js";

export { COLUMNS } from "./columns.js";

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
  /** Calls before each measurement (and, three times over, before the first), to warm JIT and connection pools. @default 500 */
  readonly warmup?: number;
}

const CHILD = fileURLToPath(new URL("../call-child.ts", import.meta.url));
const run = promisify(execFile);

/** One contestant's times per column, measured in a fresh process; `null` when this build lacks it. */
async function measureInChild(
  origin: string,
  name: string,
  calls: number,
  warmup: number,
): Promise<readonly number[] | null> {
  const args = ["--import", "tsx", CHILD, origin, name, String(calls), String(warmup)];
  const { stdout } = await run(process.execPath, args, { encoding: "utf8" });
  return (JSON.parse(stdout) as { micros: number[] | null }).micros;
}

/**
 * Times every contestant on every column against one loopback server. Each run starts every contestant in a
 * fresh process of its own, one after the other, starting one further along each run, so neither a slow moment
 * of the shared machine nor going first favours anyone; ratios are taken against raw fetch of the same run.
 */
export async function runCallBench(options: CallBenchOptions = {}): Promise<CallResult[]> {
  const { calls = 5000, runs = 5, warmup = 500 } = options;
  const server = await startServer();
  try {
    // samples[contestant][column][run]
    const micros = CONTESTANT_NAMES.map(() => COLUMNS.map((): number[] => []));
    const ratios = CONTESTANT_NAMES.map(() => COLUMNS.map((): number[] => []));
    const present = new Set<number>();
    for (let round = 0; round < runs; round++) {
      const values: (readonly number[] | null)[] = [];
      for (let turn = 0; turn < CONTESTANT_NAMES.length; turn++) {
        const k = (turn + round) % CONTESTANT_NAMES.length;
        values[k] = await measureInChild(server.origin, CONTESTANT_NAMES[k] as string, calls, warmup);
      }
      for (const [k, times] of values.entries()) {
        if (!times) continue;
        present.add(k);
        for (const [c, value] of times.entries()) {
          micros[k]?.[c]?.push(value);
          ratios[k]?.[c]?.push(value / (values[0]?.[c] ?? Number.NaN));
        }
      }
      process.stderr.write(`  per-call run ${round + 1}/${runs} done\n`);
    }
    return CONTESTANT_NAMES.flatMap((name, k) =>
      present.has(k)
        ? [
            {
              name,
              micros: COLUMNS.map((_, c) => median(micros[k]?.[c] ?? [])),
              ratios: COLUMNS.map((_, c) => median(ratios[k]?.[c] ?? [])),
            },
          ]
        : [],
    );
  } finally {
    await server.stop();
  }
}
