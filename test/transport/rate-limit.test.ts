import { describe, expect, test } from "vitest";
import {
  rateLimitDelayMs,
  readRateLimit,
  resetDelayMs,
  retryAfterDate,
  retryAfterMs,
  serverDateMs,
  smallestNumber,
} from "../../src/transport/rate-limit.js";

const DATE = "Fri, 27 Nov 2026 02:00:00 GMT";
const DATE_MS = Date.parse(DATE);
const DATE_S = DATE_MS / 1000;

describe("readRateLimit", () => {
  test("reads limit, remaining and reset", () => {
    const headers = new Headers({
      "X-Rate-Limit-Limit": "100",
      "X-Rate-Limit-Remaining": "42",
      "X-Rate-Limit-Reset": String(DATE_S + 30),
    });
    expect(readRateLimit(headers)).toEqual({ limit: 100, remaining: 42, reset: DATE_S + 30 });
  });

  test("takes the smallest value of a repeated header", () => {
    const headers = new Headers();
    headers.append("X-Rate-Limit-Limit", "1200");
    headers.append("X-Rate-Limit-Limit", "100");
    headers.append("X-Rate-Limit-Remaining", "1199");
    headers.append("X-Rate-Limit-Remaining", "7");
    headers.append("X-Rate-Limit-Reset", String(DATE_S + 60));
    headers.append("X-Rate-Limit-Reset", String(DATE_S + 20));
    expect(readRateLimit(headers)).toEqual({ limit: 100, remaining: 7, reset: DATE_S + 20 });
  });

  test("gives undefined for missing headers", () => {
    expect(readRateLimit(new Headers())).toEqual({
      limit: undefined,
      remaining: undefined,
      reset: undefined,
    });
  });
});

describe("smallestNumber", () => {
  test("ignores parts that are not whole numbers", () => {
    expect(smallestNumber("abc, 12 ,-3, 1.5, 40")).toBe(12);
    expect(smallestNumber("abc")).toBeUndefined();
    expect(smallestNumber("")).toBeUndefined();
    expect(smallestNumber(null)).toBeUndefined();
  });
});

describe("serverDateMs", () => {
  test("parses the Date header and rejects junk", () => {
    expect(serverDateMs(new Headers({ Date: DATE }))).toBe(DATE_MS);
    expect(serverDateMs(new Headers({ Date: "yesterday" }))).toBeUndefined();
    expect(serverDateMs(new Headers())).toBeUndefined();
  });
});

describe("resetDelayMs", () => {
  test("measures the reset against the response's Date, not the local clock", () => {
    const headers = new Headers({ Date: DATE, "X-Rate-Limit-Reset": String(DATE_S + 30) });
    const anHourAhead = DATE_MS + 3_600_000;
    expect(resetDelayMs(headers, anHourAhead)).toBe(30_000);
    expect(resetDelayMs(headers, DATE_MS - 3_600_000)).toBe(30_000);
  });

  test("falls back to the local clock without a Date header", () => {
    const headers = new Headers({ "X-Rate-Limit-Reset": String(DATE_S + 30) });
    expect(resetDelayMs(headers, DATE_MS + 10_000)).toBe(20_000);
  });

  test("never goes below zero for a reset in the past", () => {
    const headers = new Headers({ Date: DATE, "X-Rate-Limit-Reset": String(DATE_S - 5) });
    expect(resetDelayMs(headers)).toBe(0);
  });

  test("uses the earliest of repeated resets", () => {
    const headers = new Headers({ Date: DATE, "X-Rate-Limit-Reset": `${DATE_S + 50}, ${DATE_S + 9}` });
    expect(resetDelayMs(headers)).toBe(9_000);
  });

  test("drops a reset further away, ahead or behind, than a timer can wait", () => {
    for (const reset of ["999999999999999", String(DATE_S + 30 * 86_400), "1"]) {
      expect(resetDelayMs(new Headers({ Date: DATE, "X-Rate-Limit-Reset": reset }), DATE_MS)).toBeUndefined();
    }
  });

  test("measures against the local clock when the Date header is from another era", () => {
    for (const date of ["Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT"]) {
      const headers = new Headers({ Date: date, "X-Rate-Limit-Reset": String(DATE_S + 30) });
      expect(resetDelayMs(headers, DATE_MS)).toBe(30_000);
    }
  });
});

describe("retryAfterMs", () => {
  test("reads seconds", () => {
    expect(retryAfterMs(new Headers({ "Retry-After": "12" }))).toBe(12_000);
  });

  test("reads an HTTP date against the Date header", () => {
    const headers = new Headers({ Date: DATE, "Retry-After": new Date(DATE_MS + 7_000).toUTCString() });
    expect(retryAfterMs(headers, DATE_MS + 999_999)).toBe(7_000);
  });

  test("gives undefined for junk", () => {
    expect(retryAfterMs(new Headers({ "Retry-After": "soon" }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  test("gives undefined for a wait no timer could make", () => {
    expect(retryAfterMs(new Headers({ "Retry-After": "9999999999" }))).toBeUndefined();
    const headers = new Headers({ Date: DATE, "Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT" });
    expect(retryAfterMs(headers, DATE_MS)).toBeUndefined();
  });
});

describe("rateLimitDelayMs", () => {
  test("prefers X-Rate-Limit-Reset over Retry-After", () => {
    const headers = new Headers({
      Date: DATE,
      "X-Rate-Limit-Reset": String(DATE_S + 4),
      "Retry-After": "60",
    });
    expect(rateLimitDelayMs(headers)).toBe(4_000);
    headers.delete("X-Rate-Limit-Reset");
    expect(rateLimitDelayMs(headers)).toBe(60_000);
    headers.delete("Retry-After");
    expect(rateLimitDelayMs(headers)).toBeUndefined();
  });
});

describe("retryAfterDate", () => {
  test("gives the local time of the reset even when the local clock is an hour off", () => {
    const response = new Response(null, {
      status: 429,
      headers: { Date: DATE, "X-Rate-Limit-Reset": String(DATE_S + 45) },
    });
    const localNow = DATE_MS + 3_600_000;
    expect(retryAfterDate(response, localNow)).toEqual(new Date(localNow + 45_000));
  });

  test("gives undefined when the response says nothing, or nothing possible", () => {
    expect(retryAfterDate(new Response(null, { status: 429 }))).toBeUndefined();
    const absurd = new Response(null, { status: 429, headers: { "X-Rate-Limit-Reset": "999999999999999" } });
    expect(retryAfterDate(absurd)).toBeUndefined();
  });
});
