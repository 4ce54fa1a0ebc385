import { describe, expect, test } from "vitest";
import { pointedCause, withCause } from "../../src/errors/see-cause.js";

describe("withCause", () => {
  test("puts what the cause says in place of (see cause)", () => {
    const okta = new Error("400 E0000001 Api validation failed");
    const stopped = new Error(
      "Rotation of app 0oa1 failed at create-secret; nothing was undone (see cause)",
      {
        cause: okta,
      },
    );
    expect(withCause(stopped)).toBe(
      "Rotation of app 0oa1 failed at create-secret; nothing was undone: 400 E0000001 Api validation failed",
    );
    expect(withCause(stopped, (cause) => `[${String((cause as Error).message.length)}]`)).toBe(
      "Rotation of app 0oa1 failed at create-secret; nothing was undone: [34]",
    );
    expect(pointedCause(stopped)).toBe(okta);
  });

  test("leaves a message that does not point at its cause as it is", () => {
    const connection = new Error("Could not reach Okta: fetch failed", {
      cause: new TypeError("fetch failed"),
    });
    expect([withCause(connection), pointedCause(connection)]).toEqual([connection.message, undefined]);
    expect(withCause("a string thrown")).toBe("a string thrown");
  });
});
