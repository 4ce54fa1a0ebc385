import { inspect } from "node:util";
import { afterAll, expect } from "vitest";

/**
 * Every way a value reaches a log: its string, its JSON, and `util.inspect`; with `hidden`, also `util.inspect`
 * without custom inspection and with hidden properties (an error's raw `response` among them).
 */
export function shownForms(value: unknown, hidden = true): string[] {
  const forms = [String(value), safeJson(value), inspect(value, { depth: 10 })];
  if (hidden) forms.push(inspect(value, { depth: 10, customInspect: false, showHidden: true }));
  if (value instanceof Error) forms.push(value.message, value.stack ?? "");
  return forms;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

/** What one file of attacks counts: each should end at zero but `attacks`. */
export interface AttackTally {
  /** Counts one attack tried. */
  attack(): void;
  /** Counts every secret found in any shown form of `value` (hidden ones too, unless `hidden` is false), then expects none. */
  expectNoLeak(value: unknown, secrets: readonly string[], hidden?: boolean): void;
  /** Counts requests that reached a server they never should have, then expects none. */
  expectNoStrayRequests(requests: readonly unknown[]): void;
  /** Counts a report or result that disagrees with what the server holds, then expects agreement. */
  expectTrueReport(actual: unknown, expected: unknown): void;
}

/**
 * A tally for one test file of the security suite: each test counts its attacks and what went wrong, and the file
 * prints one line of figures when it ends (`attacks`, `leaks`, `stray requests`, `wrong reports`).
 */
export function attackTally(name: string): AttackTally {
  const figures = { attacks: 0, leaks: 0, stray: 0, wrong: 0 };
  afterAll(() => {
    console.info(
      `[security] ${name}: ${figures.attacks} attacks, ${figures.leaks} leaks, ${figures.stray} stray requests, ${figures.wrong} wrong reports`,
    );
  });
  return {
    attack() {
      figures.attacks += 1;
    },
    expectNoLeak(value, secrets, hidden = true) {
      const forms = shownForms(value, hidden);
      const found = secrets.filter((secret) => secret !== "" && forms.some((form) => form.includes(secret)));
      figures.leaks += found.length;
      expect(found.map((secret) => `${secret.slice(0, 12)}… (${secret.length} characters)`)).toEqual([]);
    },
    expectNoStrayRequests(requests) {
      figures.stray += requests.length;
      expect(requests).toEqual([]);
    },
    expectTrueReport(actual, expected) {
      let agrees = false;
      try {
        expect(actual).toEqual(expected);
        agrees = true;
      } finally {
        if (!agrees) figures.wrong += 1;
      }
    },
  };
}
