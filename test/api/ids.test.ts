import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkId } from "../../src/api/ids.js";

describe("checkId", () => {
  test("returns ordinary Okta ids unchanged", () => {
    expect(checkId("appId", "0oa8kg3bp0aQ7nD0x5d7")).toBe("0oa8kg3bp0aQ7nD0x5d7");
    expect(checkId("keyId", "pks2f4zrZbs8nUa7p0g4")).toBe("pks2f4zrZbs8nUa7p0g4");
    expect(checkId("keyId", "...")).toBe("...");
    expect(checkId("keyId", "pks.1")).toBe("pks.1");
  });

  test.each([
    ["", "appId must be a non-empty string"],
    ["0oa1/../../users", 'appId must not contain "/", "?", "#", "%", whitespace or control characters'],
    ["0oa1?x=1", /must not contain/],
    ["0oa1#frag", /must not contain/],
    ["0oa1%2F", /must not contain/],
    ["0oa1 2", /must not contain/],
    ["0oa1\n", /must not contain/],
    ["0oa1\u0000", /must not contain/],
    [".", 'appId must not be "." or "..", which a URL resolves away'],
    ["..", 'appId must not be "." or "..", which a URL resolves away'],
    ["0oa1\uD800", "appId must be well-formed Unicode text (it holds a lone surrogate)"],
  ])("refuses %j", (value, message) => {
    expect(() => checkId("appId", value)).toThrow(message);
  });

  test("every id it accepts reaches the URL as one path segment, spelled as given", () => {
    const id = fc.oneof(fc.string({ unit: "binary" }), fc.stringMatching(/^[./%\\a-z]{1,4}$/));
    fc.assert(
      fc.property(id, (value) => {
        fc.pre(accepts(value));
        const segment = `/${encodeURIComponent(value)}`;
        expect(new URL(`/api/v1/apps${segment}`, "https://org.invalid").pathname).toBe(
          `/api/v1/apps${segment}`,
        );
        expect(decodeURIComponent(segment.slice(1))).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  test("refuses non-strings and names the argument", () => {
    expect(() => checkId("secretId", undefined)).toThrow("secretId must be a non-empty string");
    expect(() => checkId("keyId", 42)).toThrow("keyId must be a non-empty string");
  });

  test("never echoes the value", () => {
    expect(() => checkId("secretId", "my very secret value")).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("secret value") }),
    );
  });
});

function accepts(value: string): boolean {
  try {
    checkId("appId", value);
    return true;
  } catch {
    return false;
  }
}
