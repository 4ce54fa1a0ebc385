import { COLUMNS } from "./lib/columns.js";
import { CONTESTANTS, clearSdkEnvironment } from "./lib/contestants.js";
import { LAYER_STEPS } from "./lib/layer-steps.js";
import { timeCalls } from "./lib/time-calls.js";

/**
 * Run by the benchmark in a fresh process for one contestant, or one step of `bench/breakdown.ts`:
 * `call-child.ts <origin> <name> <calls> <warmup>`. Warms every column up, then times each and prints
 * `{"micros": [...]}` in column order. A process of its own keeps contestants from sharing a heap, a garbage
 * collector and the JIT's feedback on the code they have in common (node:http, undici).
 */
const [origin = "", name = "", calls = "5000", warmup = "500"] = process.argv.slice(2);
clearSdkEnvironment();
const factory = CONTESTANTS[name] ?? LAYER_STEPS[name];
if (!factory) throw new Error(`No contestant is called ${JSON.stringify(name)}`);
const contestant = await factory(origin);
const call = (operation: "list" | "create") =>
  operation === "list" ? () => contestant.list() : () => contestant.create();
for (const column of COLUMNS) await timeCalls(call(column.operation), 3 * Number(warmup), column.concurrency);
const micros: number[] = [];
for (const column of COLUMNS) {
  await timeCalls(call(column.operation), Number(warmup), column.concurrency);
  micros.push(await timeCalls(call(column.operation), Number(calls), column.concurrency));
}
process.stdout.write(JSON.stringify({ micros }));
