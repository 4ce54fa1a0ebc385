import { describe, expect, test } from "vitest";
import { checkNewJwk, PRIVATE_JWK_MEMBERS } from "../../src/api/check-new-jwk.js";

const publicEc = {
  kty: "EC",
  use: "sig",
  crv: "P-256",
  x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
  y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
};

describe("checkNewJwk", () => {
  test("returns a public key unchanged", () => {
    expect(checkNewJwk(publicEc)).toBe(publicEc);
  });

  test.each(PRIVATE_JWK_MEMBERS.map((name) => [name]))("refuses a key with the private member %s", (name) => {
    const leaked = { ...publicEc, [name]: "c2VjcmV0LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw" };
    expect(() => checkNewJwk(leaked)).toThrow(`newJwk contains private key material (${name})`);
    expect(() => checkNewJwk(leaked)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("c2VjcmV0") }),
    );
  });

  test("lists every private member found", () => {
    expect(() => checkNewJwk({ ...publicEc, d: "x", p: "y", q: "z" })).toThrow(/\(d, p, q\)/);
  });

  test("requires use and kty", () => {
    expect(() => checkNewJwk({ kty: "EC" })).toThrow('newJwk.use must be "sig" or "enc"');
    expect(() => checkNewJwk({ use: "sig", kty: "oct" })).toThrow('newJwk.kty must be "RSA" or "EC"');
    expect(() => checkNewJwk(null)).toThrow("newJwk must be a public JSON Web Key object");
    expect(() => checkNewJwk([publicEc])).toThrow(TypeError);
  });
});
