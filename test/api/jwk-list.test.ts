import { describe, expect, test } from "vitest";
import { toJwkList } from "../../src/api/jwk-list.js";

const key = { id: "pks1", kty: "EC", use: "sig" };

describe("toJwkList", () => {
  test("returns an array body as it is (the live API's shape)", () => {
    const body = [key];
    expect(toJwkList(body)).toBe(body);
  });

  test("unwraps { keys: [...] } and { jwks: { keys: [...] } }", () => {
    expect(toJwkList({ keys: [key] })).toEqual([key]);
    expect(toJwkList({ jwks: { keys: [key] } })).toEqual([key]);
    expect(toJwkList({ jwks: { keys: [] } })).toEqual([]);
  });

  test("returns a body without a key array as it was, for the shape check to refuse", () => {
    expect(toJwkList({ jwks: {} })).toEqual({ jwks: {} });
    expect(toJwkList(undefined)).toBeUndefined();
    expect(toJwkList("[]")).toBe("[]");
  });
});
