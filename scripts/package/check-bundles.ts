import type { AppEntry } from "./app-entries.js";
import type { CheckResult } from "./check-result.js";
import { type BundleSize, measureBundle } from "./measure-bundle.js";

/** What is wrong with an app entry's bundle: over its budget, or needing Node built-ins in a browser. */
export function bundleProblems(entry: AppEntry, size: BundleSize): string[] {
  const problems: string[] = [];
  if (entry.budget !== undefined && size.gzipped > entry.budget) {
    problems.push(`first load of ${size.gzipped} B min+gz is over the budget of ${entry.budget} B`);
  }
  if (size.nodeBuiltins.length > 0) {
    problems.push(`imports Node built-ins in a browser bundle: ${size.nodeBuiltins.join(", ")}`);
  }
  return problems;
}

/** Bundles each app entry for the browser and checks it against its budget and for Node built-ins. */
export async function checkBundles(entries: readonly AppEntry[], resolveDir: string): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const entry of entries) {
    const size = await measureBundle(entry.source, resolveDir);
    const problems = bundleProblems(entry, size);
    const budget = entry.budget === undefined ? "no budget" : `budget ${entry.budget} B`;
    results.push({
      name: `bundle: ${entry.name}`,
      ok: problems.length === 0,
      detail:
        problems.join("; ") ||
        `first load ${size.gzipped} B min+gz (${size.minified} B min), ${budget}; loaded on demand ` +
          `${size.lazyGzipped} B min+gz; no Node built-ins`,
    });
  }
  return results;
}
