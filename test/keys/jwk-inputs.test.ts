import { exportJWK, generateKeyPair, type JWK } from "jose";
import { beforeAll, describe, expect, test } from "vitest";
import { toOktaJwk } from "../../src/keys/to-okta-jwk.js";

let rsa: JWK;
let p256: JWK;

beforeAll(async () => {
  rsa = await exportJWK((await generateKeyPair("RS256", { extractable: true })).privateKey);
  p256 = await exportJWK((await generateKeyPair("ES256", { extractable: true })).privateKey);
});

/** The TypeError toOktaJwk rejects with, after checking that it quotes none of the key's members. */
async function refusal(key: JWK, use: "sig" | "enc" = "sig"): Promise<string> {
  const error = await toOktaJwk(key, { use }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TypeError);
  const message = (error as Error).message;
  for (const member of ["n", "e", "d", "x", "y"] as const) {
    const value = key[member];
    if (typeof value === "string" && value.length > 2) expect(message).not.toContain(value);
  }
  return message;
}

describe("toOktaJwk with a JWK's own alg", () => {
  test("keeps one that suits the key, and options.alg wins over it", async () => {
    expect((await toOktaJwk({ ...rsa, alg: "RS384" }, { use: "sig" })).alg).toBe("RS384");
    expect((await toOktaJwk({ ...rsa, alg: "RS384" }, { use: "sig", alg: "RS512" })).alg).toBe("RS512");
    expect((await toOktaJwk({ ...rsa, alg: "RSA-OAEP" }, { use: "enc" })).alg).toBe("RSA-OAEP");
  });

  test.each([
    [
      "PS256 on an RSA key",
      () => ({ ...rsa, alg: "PS256" }),
      'key has "alg" "PS256", which does not suit this RSA key',
    ],
    [
      "ES384 on a P-256 key",
      () => ({ ...p256, alg: "ES384" }),
      'key has "alg" "ES384", which does not suit this EC P-256',
    ],
    [
      "RSA-OAEP for signing",
      () => ({ ...rsa, alg: "RSA-OAEP" }),
      'key has "alg" "RSA-OAEP", which does not suit',
    ],
    ["a number", () => ({ ...rsa, alg: 256 }) as unknown as JWK, 'key has "alg" of type number'],
  ])("refuses %s instead of replacing it", async (_name, key, message) => {
    expect(await refusal(key())).toContain(message);
    await expect(toOktaJwk(key(), { use: "sig", alg: "RS256" })).rejects.toThrow(TypeError);
  });
});

describe("toOktaJwk with malformed JWK members", () => {
  test.each([
    [
      "an e that is not base64url",
      () => ({ kty: "RSA", n: rsa.n, e: "!!" }),
      "key.e must be non-empty unpadded base64url",
    ],
    ["an empty e", () => ({ kty: "RSA", n: rsa.n, e: "" }), "key.e must be non-empty unpadded base64url"],
    [
      "a padded n",
      () => ({ kty: "RSA", n: `${rsa.n}==`, e: "AQAB" }),
      "key.n must be non-empty unpadded base64url",
    ],
    [
      "a y that is not base64url",
      () => ({ ...p256, y: "not base64!" }),
      "key.y must be non-empty unpadded base64url",
    ],
    [
      "an x too short for P-256",
      () => ({ ...p256, x: "AA" }),
      "key: its public members are not a valid EC key",
    ],
    [
      "a point off the curve",
      () => ({ ...p256, y: p256.x }),
      "key: its public members are not a valid EC key",
    ],
  ])("refuses %s without quoting the key", async (_name, key, message) => {
    expect(await refusal(key() as JWK)).toContain(message);
  });

  test("still reads a well-formed private JWK and keeps only its public members", async () => {
    const jwk = await toOktaJwk(p256, { use: "sig" });
    expect(jwk).toEqual({
      kty: "EC",
      use: "sig",
      alg: "ES256",
      crv: "P-256",
      x: p256.x,
      y: p256.y,
      kid: jwk.kid,
    });
  });
});
