import { inspect } from "node:util";
import { exportJWK, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { beforeAll, describe, expect, test } from "vitest";
import { toSigningKey } from "../../../src/auth/private-key/signing-key.js";
import { makeTestKey, type TestKey, toPkcs1Pem, toSec1Pem } from "../../helpers/keys.js";

let rsa: TestKey;
let p256: TestKey;
let p384: TestKey;
let p521: TestKey;

beforeAll(async () => {
  [rsa, p256, p384, p521] = await Promise.all([
    makeTestKey("RS256"),
    makeTestKey("ES256"),
    makeTestKey("ES384"),
    makeTestKey("ES512"),
  ]);
});

async function signsVerifiably(key: ReturnType<typeof toSigningKey>, publicKey: TestKey["publicJwk"]) {
  const jwt = await new SignJWT({ ok: true }).setProtectedHeader({ alg: key.alg }).sign(await key.load());
  return (await jwtVerify(jwt, publicKey)).payload.ok;
}

function thrown(run: () => unknown): TypeError {
  try {
    run();
  } catch (error) {
    if (error instanceof TypeError) return error;
  }
  throw new Error("expected a TypeError");
}

describe("toSigningKey", () => {
  test("imports an RSA PKCS#8 PEM for RS256 by default and for a chosen RS384", async () => {
    expect(toSigningKey(rsa.pkcs8, undefined).alg).toBe("RS256");
    const rs384 = toSigningKey(rsa.pkcs8, "RS384");
    expect(rs384.alg).toBe("RS384");
    expect(await signsVerifiably(rs384, rsa.publicJwk)).toBe(true);
  });

  test("imports a PKCS#1 RSA PEM as non-extractable", async () => {
    const key = toSigningKey(toPkcs1Pem(rsa.pkcs8), undefined);
    expect(await signsVerifiably(key, rsa.publicJwk)).toBe(true);
    expect((await key.load()).extractable).toBe(false);
  });

  test("picks the ECDSA algorithm from the curve", async () => {
    for (const [key, alg] of [
      [p256, "ES256"],
      [p384, "ES384"],
      [p521, "ES512"],
    ] as const) {
      const fromPem = toSigningKey(key.pkcs8, undefined);
      expect(fromPem.alg).toBe(alg);
      expect(toSigningKey(key.jwk, undefined).alg).toBe(alg);
      expect(toSigningKey(key.privateKey, undefined).alg).toBe(alg);
      expect(await signsVerifiably(fromPem, key.publicJwk)).toBe(true);
    }
  });

  test("takes a JWK's alg and kid", async () => {
    const key = toSigningKey({ ...rsa.jwk, alg: "RS512", kid: "k1" }, undefined);
    expect([key.alg, key.kid]).toEqual(["RS512", "k1"]);
    expect(await signsVerifiably(key, rsa.publicJwk)).toBe(true);
  });

  test("takes a CryptoKey's algorithm from its hash", async () => {
    const { privateKey } = await generateKeyPair("RS384");
    expect(toSigningKey(privateKey, undefined).alg).toBe("RS384");
    expect(thrown(() => toSigningKey(privateKey, "RS256")).message).toMatch(
      /^auth\.algorithm: RS256 does not fit/,
    );
  });

  test("refuses algorithms that do not fit the key", () => {
    expect(thrown(() => toSigningKey(rsa.pkcs8, "ES256")).message).toMatch(/^auth\.algorithm: /);
    expect(thrown(() => toSigningKey(p256.pkcs8, "ES384")).message).toMatch(/^auth\.algorithm: /);
    expect(thrown(() => toSigningKey({ ...rsa.jwk, alg: "RS512" }, "RS256")).message).toMatch(
      /^auth\.algorithm: /,
    );
  });

  test("explains each unusable PEM without quoting it", () => {
    const publicPem = rsa.pkcs8.replaceAll("PRIVATE KEY", "PUBLIC KEY");
    const cases: [string, RegExp][] = [
      [toSec1Pem(p256.pkcs8), /SEC1.*openssl pkcs8 -topk8/],
      [rsa.pkcs8.replaceAll("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"), /is encrypted/],
      [publicPem, /is a public key/],
      [
        rsa.pkcs8.replaceAll("PRIVATE KEY", "OPENSSH PRIVATE KEY"),
        /unsupported PEM block "OPENSSH PRIVATE KEY"/,
      ],
      ["not a pem", /expected a PEM block/],
      ["-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", /does not hold an RSA or EC/],
    ];
    const body = rsa.pkcs8.split("\n")[1] ?? "";
    for (const [pem, message] of cases) {
      const error = thrown(() => toSigningKey(pem, undefined));
      expect(error.message).toMatch(/^auth\.privateKey: /);
      expect(error.message).toMatch(message);
      expect(`${inspect(error)}${JSON.stringify(error)}`).not.toContain(body.slice(10, 40));
    }
  });

  test("refuses public JWKs, unknown key types and other values", async () => {
    const { publicKey } = await generateKeyPair("ES256");
    const cases: unknown[] = [
      rsa.publicJwk,
      { kty: "oct", k: "AAAA" },
      { ...rsa.jwk, alg: "PS256" },
      42,
      null,
    ];
    cases.push(publicKey, await exportJWK(publicKey));
    for (const value of cases)
      expect(thrown(() => toSigningKey(value, undefined)).message).toMatch(/^auth\.privateKey: /);
  });

  test("reports a JWK that does not import without quoting it", async () => {
    const key = toSigningKey({ ...p256.jwk, x: "AAAA" }, undefined);
    const error = await key.load().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^auth\.privateKey: the key could not be imported/);
    expect(inspect(error)).not.toContain(String(p256.jwk.d));
  });
});
