import { describe, expect, test } from "vitest";
import { checkDelayMs, MAX_TIMER_MS } from "../../src/transport/check-delay.js";

describe("checkDelayMs", () => {
  test("returns a delay a timer can wait, from its minimum to 2^31 - 1 ms", () => {
    expect(checkDelayMs(0, "retry.maxDelayMs", 0)).toBe(0);
    expect(checkDelayMs(1, "timeoutMs", 1)).toBe(1);
    expect(checkDelayMs(MAX_TIMER_MS, "timeoutMs", 1)).toBe(2_147_483_647);
  });

  test.each([
    [0, 1],
    [-1, 0],
    [MAX_TIMER_MS + 1, 0],
    [Number.NaN, 0],
    ["5", 0],
  ] as const)("refuses %s with a minimum of %s, naming the option and the range", (value, min) => {
    expect(() => checkDelayMs(value, "throttle.maxDelayMs", min)).toThrow(
      new TypeError(`throttle.maxDelayMs must be a number of milliseconds from ${min} to 2147483647`),
    );
  });
});
