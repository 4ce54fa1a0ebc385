import { describe, expect, test } from "vitest";
import { abortableSleep } from "../../src/transport/abortable-sleep.js";

describe("abortableSleep", () => {
  test("resolves after the delay", async () => {
    const start = performance.now();
    await abortableSleep(20);
    expect(performance.now() - start).toBeGreaterThanOrEqual(15);
  });

  test("rejects at once with the signal's reason when aborted during the wait", async () => {
    const controller = new AbortController();
    const reason = new Error("stop");
    const start = performance.now();
    const waiting = abortableSleep(60_000, controller.signal);
    setTimeout(() => controller.abort(reason), 5);
    await expect(waiting).rejects.toBe(reason);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  test("rejects without waiting when the signal has already aborted", async () => {
    const reason = new Error("already");
    await expect(abortableSleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  test("removes its abort listener once it resolves", async () => {
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      added += 1;
      add(...args);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      removed += 1;
      remove(...args);
    }) as typeof signal.removeEventListener;
    await abortableSleep(1, signal);
    expect([added, removed]).toEqual([1, 1]);
  });
});
