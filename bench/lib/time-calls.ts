import { performance } from "node:perf_hooks";

/**
 * Runs `call` `count` times with at most `concurrency` in flight and returns the wall time per call in
 * microseconds (so for concurrency above 1 it is the inverse of throughput).
 */
export async function timeCalls(
  call: () => Promise<unknown>,
  count: number,
  concurrency: number,
): Promise<number> {
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < count) {
      started++;
      await call();
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return ((performance.now() - begin) * 1000) / count;
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
