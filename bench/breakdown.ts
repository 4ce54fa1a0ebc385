import { callTable, runCallBench } from "./lib/call-bench.js";
import { CONTESTANT } from "./lib/contestants.js";
import { LAYER_STEPS } from "./lib/layer-steps.js";
import { describeMachine } from "./lib/machine.js";

/**
 * `npx tsx bench/breakdown.ts [runs]`: where the time of one call goes between bare openapi-fetch and this client,
 * one layer of `okta-app-credentials/transport` at a time, all on Node's built-in fetch and all from the built
 * `dist/` (run `npm run build` first). Every step is timed like a contestant of `npm run bench`: on every column, in
 * a fresh process of its own, in every run (5 by default); the table gives medians, and in brackets the ratio to
 * bare openapi-fetch taken within each run.
 */
const runs = Number(process.argv[2] ?? 5);
const calls = 5000;
const STEPS = [CONTESTANT.raw, CONTESTANT.bare, ...Object.keys(LAYER_STEPS), CONTESTANT.ours];

const machine = describeMachine();
process.stderr.write(`okta-app-credentials breakdown: ${machine}\n`);
const results = await runCallBench({ names: STEPS, runs, calls });
process.stdout.write(
  [
    `### ${machine}`,
    "",
    `Time per call against a loopback \`node:http\` server (${calls} calls, median of ${runs === 1 ? "1 run" : `${runs} runs`}); in brackets the ratio to bare openapi-fetch within each run. Each \`+\` step adds one layer to the step above it; "${CONTESTANT.ours}" adds the facade (argument checks, \`unwrap()\`, a \`User-Agent\`) to the last.`,
    "",
    callTable("step", results, CONTESTANT.bare),
    "",
  ].join("\n"),
);
