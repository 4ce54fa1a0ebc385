import { describe, expect, test } from "vitest";
import { isOptionError, markOptionError } from "../../src/auth/option-error.js";

describe("markOptionError", () => {
  test("marks that one TypeError and returns it", () => {
    const error = new TypeError("auth.privateKey: the PEM is a public key");
    expect(markOptionError(error)).toBe(error);
    expect(isOptionError(error)).toBe(true);
    expect(isOptionError(new TypeError("auth.privateKey: the PEM is a public key"))).toBe(false);
  });

  test("returns anything else unmarked", () => {
    const error = new Error("auth.privateKey: not a TypeError");
    expect(markOptionError(error)).toBe(error);
    expect(isOptionError(error)).toBe(false);
    expect(markOptionError("auth.privateKey")).toBe("auth.privateKey");
    expect(isOptionError("auth.privateKey")).toBe(false);
  });

  test("never takes the TypeError of a failed fetch for one", async () => {
    // Port 1 on loopback refuses the connection, so fetch rejects with its own TypeError.
    const failure = await fetch("http://127.0.0.1:1/").catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(TypeError);
    expect(isOptionError(failure)).toBe(false);
  });
});
