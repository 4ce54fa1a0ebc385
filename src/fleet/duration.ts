/** A length of time: milliseconds, or a string such as `"90d"`, `"24h"`, `"30m"` or `"45s"`. */
export type Duration = number | `${number}${"d" | "h" | "m" | "s"}`;

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;

/**
 * Reads a {@link Duration} as milliseconds.
 * @throws {TypeError} naming `name` when `value` is not a whole number followed by d, h, m or s, nor a number of ms.
 */
export function parseDuration(value: unknown, name: string): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  const match = typeof value === "string" ? /^(\d{1,6})([dhms])$/.exec(value.trim()) : null;
  if (!match) {
    const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value;
    throw new TypeError(`${name} must be a duration such as 90d, 24h, 30m or 45s (got ${shown})`);
  }
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
