import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./time-calls.js";

/** Cold import cost of one module: median milliseconds and RSS after import, each from a fresh process. */
export interface ImportCost {
  readonly name: string;
  readonly millis: number;
  readonly rssMegabytes: number;
}

// Times only the import itself, not Node's own start-up, and reports the RSS the import left behind.
const PROBE = `
const start = performance.now();
await import(process.argv[1]);
const millis = performance.now() - start;
console.log(JSON.stringify({ millis, rss: process.memoryUsage().rss }));
`;

/** Imports `specifier` in `runs` fresh Node processes (resolved from `bench/`) and returns the medians. */
export function coldImport(name: string, specifier: string, runs = 10): ImportCost {
  const cwd = fileURLToPath(new URL("..", import.meta.url));
  const samples = Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", PROBE, specifier], {
      cwd,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    });
    return JSON.parse(out) as { millis: number; rss: number };
  });
  return {
    name,
    millis: median(samples.map((sample) => sample.millis)),
    rssMegabytes: median(samples.map((sample) => sample.rss)) / 2 ** 20,
  };
}
