/** Longest delay a timer can wait (2^31 - 1 ms, about 24.8 days). */
export const MAX_TIMER_MS = 2_147_483_647;

/**
 * `value`, when it is a number of milliseconds a timer can wait, from `min` to {@link MAX_TIMER_MS}.
 * @throws {TypeError} naming `name` and the range otherwise.
 */
export function checkDelayMs(value: unknown, name: string, min: 0 | 1): number {
  if (typeof value !== "number" || !(value >= min && value <= MAX_TIMER_MS)) {
    throw new TypeError(`${name} must be a number of milliseconds from ${min} to ${MAX_TIMER_MS}`);
  }
  return value;
}
