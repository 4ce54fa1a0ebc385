import { describe, expect, test } from "vitest";
import { checkNewSecret } from "../../src/api/check-new-secret.js";

describe("checkNewSecret", () => {
  test("accepts no body, an empty body, a status and a valid secret", () => {
    expect(checkNewSecret(undefined)).toBeUndefined();
    expect(checkNewSecret({})).toEqual({});
    expect(checkNewSecret({ status: "INACTIVE" })).toEqual({ status: "INACTIVE" });
    const secret = { client_secret: "x".repeat(14) };
    expect(checkNewSecret(secret)).toBe(secret);
    expect(checkNewSecret({ client_secret: " ~".repeat(50) })).toEqual({ client_secret: " ~".repeat(50) });
  });

  test("refuses secrets outside 14 to 100 characters, naming the length but not the value", () => {
    expect(() => checkNewSecret({ client_secret: "tooShortValue" })).toThrow(
      "newSecret.client_secret must be 14 to 100 characters long; it has 13",
    );
    expect(() => checkNewSecret({ client_secret: "a".repeat(101) })).toThrow(/it has 101/);
    expect(() => checkNewSecret({ client_secret: "tooShortValue" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("tooShortValue") }),
    );
  });

  test("refuses characters outside printable ASCII", () => {
    expect(() => checkNewSecret({ client_secret: "päßwörd-with-umlauts" })).toThrow(
      "newSecret.client_secret must contain only printable ASCII characters (0x20 to 0x7E)",
    );
    expect(() => checkNewSecret({ client_secret: "tab\there-is-not-ok" })).toThrow(/printable ASCII/);
  });

  test("refuses unknown fields, wrong statuses and wrong types", () => {
    expect(() => checkNewSecret({ id: "ocs1" })).toThrow(
      "newSecret has unknown field(s) id; allowed: client_secret, status",
    );
    expect(() => checkNewSecret({ status: "active" })).toThrow(
      'newSecret.status must be "ACTIVE" or "INACTIVE"',
    );
    expect(() => checkNewSecret({ client_secret: 12345678901234 })).toThrow(/must be a string/);
    expect(() => checkNewSecret("secret")).toThrow(
      "newSecret must be an object such as { client_secret, status }",
    );
  });
});
