import { describe, expect, test } from "vitest";
import {
  cleanErrorBody,
  describeCause,
  MAX_SERVER_TEXT,
  serverText,
  shorten,
} from "../../src/errors/error-text.js";

describe("error text", () => {
  test("cuts long text with an ellipsis, never inside a surrogate pair", () => {
    expect(shorten("abcdef", 6)).toBe("abcdef");
    expect(shorten("abcdef", 3)).toBe("abc…");
    expect(shorten("ab😀cd", 3)).toBe("ab…");
  });

  test("shows a server's string redacted, on one line, at most 1,000 characters", () => {
    expect(serverText("a eyJx.eyJy.z\nb")).toBe("a [redacted] b");
    expect(serverText("x".repeat(5_000))).toHaveLength(MAX_SERVER_TEXT + 1);
  });

  test("keeps at most 10 causes", () => {
    const causes = Array.from({ length: 12 }, (_, index) => `cause ${index}`);
    expect(cleanErrorBody({ errorCauses: causes }).errorCauses).toEqual(causes.slice(0, 10));
  });

  test("names undici's hidden reason for a failed fetch", () => {
    const inner = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(describeCause(new TypeError("fetch failed", { cause: inner }))).toBe(
      "fetch failed (ECONNREFUSED)",
    );
  });
});
