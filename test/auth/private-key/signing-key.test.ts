import { inspect } from "node:util";
import { generateKeyPair, jwtVerify, SignJWT } from "jose";
import { beforeAll, describe, expect, test } from "vitest";
import { checkKeyShape } from "../../../src/auth/check-key-shape.js";
import { type SigningKey, toSigningKey } from "../../../src/auth/private-key/signing-key.js";
import type { SigningAlg } from "../../../src/keys/algorithms.js";
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

function signingKey(privateKey: unknown, requested?: SigningAlg): Promise<SigningKey> {
  return toSigningKey(checkKeyShape(privateKey), requested);
}

async function signsVerifiably({ key, alg }: SigningKey, publicKey: TestKey["publicJwk"]) {
  const jwt = await new SignJWT({ ok: true }).setProtectedHeader({ alg }).sign(key);
  return (await jwtVerify(jwt, publicKey)).payload.ok;
}

async function rejection(promise: Promise<unknown>): Promise<TypeError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof TypeError) return error;
  throw new Error("expected a TypeError");
}

describe("toSigningKey", () => {
  test("imports an RSA PKCS#8 PEM for RS256 by default and for a chosen RS384", async () => {
    expect((await signingKey(rsa.pkcs8)).alg).toBe("RS256");
    const rs384 = await signingKey(rsa.pkcs8, "RS384");
    expect(rs384.alg).toBe("RS384");
    expect(await signsVerifiably(rs384, rsa.publicJwk)).toBe(true);
  });

  test("imports PKCS#1 and one-line PEMs as non-extractable keys", async () => {
    const oneLine = toPkcs1Pem(rsa.pkcs8).trim().replaceAll("\n", "\\n");
    for (const pem of [toPkcs1Pem(rsa.pkcs8), oneLine, rsa.pkcs8.replaceAll("\n", "\\r\\n")]) {
      const key = await signingKey(pem);
      expect(await signsVerifiably(key, rsa.publicJwk)).toBe(true);
      expect(key.key.extractable).toBe(false);
    }
  });

  test("picks the ECDSA algorithm from the curve", async () => {
    for (const [key, alg] of [
      [p256, "ES256"],
      [p384, "ES384"],
      [p521, "ES512"],
    ] as const) {
      const fromPem = await signingKey(key.pkcs8);
      expect(fromPem.alg).toBe(alg);
      expect((await signingKey(key.jwk)).alg).toBe(alg);
      expect((await signingKey(key.privateKey)).alg).toBe(alg);
      expect(await signsVerifiably(fromPem, key.publicJwk)).toBe(true);
    }
  });

  test("takes a JWK's alg and kid", async () => {
    const key = await signingKey({ ...rsa.jwk, alg: "RS512", kid: "k1" });
    expect([key.alg, key.kid]).toEqual(["RS512", "k1"]);
    expect(await signsVerifiably(key, rsa.publicJwk)).toBe(true);
  });

  test("takes a CryptoKey's algorithm from its hash", async () => {
    const { privateKey } = await generateKeyPair("RS384");
    expect((await signingKey(privateKey)).alg).toBe("RS384");
    expect((await rejection(signingKey(privateKey, "RS256"))).message).toBe(
      "auth.algorithm: RS256 does not fit this RSA key (it signs with RS384)",
    );
  });

  test("refuses algorithms that do not fit the key", async () => {
    const cases: [unknown, SigningAlg, string][] = [
      [rsa.pkcs8, "ES256", "RS256, RS384, RS512"],
      [p256.pkcs8, "ES384", "ES256"],
      [{ ...rsa.jwk, alg: "RS512" }, "RS256", "RS512"],
    ];
    for (const [privateKey, requested, signs] of cases) {
      expect((await rejection(signingKey(privateKey, requested))).message).toMatch(
        new RegExp(
          `^auth\\.algorithm: ${requested} does not fit this (RSA|EC) key \\(it signs with ${signs}\\)$`,
        ),
      );
    }
  });

  test("explains each unusable PEM without quoting it", async () => {
    const legacy = toPkcs1Pem(rsa.pkcs8).replace("KEY-----\n", "KEY-----\nProc-Type: 4,ENCRYPTED\n\n");
    const cases: [string, RegExp][] = [
      [toSec1Pem(p256.pkcs8), /SEC1.*openssl pkcs8 -topk8/],
      [rsa.pkcs8.replaceAll("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"), /is encrypted/],
      [legacy, /is encrypted; convert it with `openssl pkcs8/],
      [rsa.pkcs8.replaceAll("PRIVATE KEY", "PUBLIC KEY"), /is a public key/],
      [rsa.pkcs8.replaceAll("PRIVATE KEY", "CERTIFICATE"), /is a certificate/],
      [
        rsa.pkcs8.replaceAll("PRIVATE KEY", "OPENSSH PRIVATE KEY"),
        /"OPENSSH PRIVATE KEY" block; pass one of/,
      ],
      ["-----BEGIN PRIVATE KEY-----\nAAAA\n", /expected a PEM block/],
      ["-----BEGIN PRIVATE KEY-----\n%%%%\n-----END PRIVATE KEY-----", /body is not base64/],
      ["-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", /holds no RSA key or EC key on P-256/],
    ];
    const body = rsa.pkcs8.split("\n")[1] ?? "";
    for (const [pem, message] of cases) {
      const error = await rejection(signingKey(pem));
      expect(error.message).toMatch(/^auth\.privateKey: /);
      expect(error.message).toMatch(message);
      expect(`${inspect(error)}${JSON.stringify(error)}`).not.toContain(body.slice(10, 40));
    }
  });

  test("refuses PEMs of key types and curves Okta does not sign with", async () => {
    const ed25519 = await makeTestKey("Ed25519");
    expect((await rejection(signingKey(ed25519.pkcs8))).message).toBe(
      "auth.privateKey: the PEM holds no RSA key or EC key on P-256, P-384 or P-521",
    );
  });

  test("refuses JWKs of other algorithms and curves, and CryptoKeys that cannot sign assertions", async () => {
    const pss = await generateKeyPair("PS256");
    const cases: [unknown, string][] = [
      [{ ...rsa.jwk, alg: "PS256" }, "auth.privateKey: the JWK's alg PS256 does not fit its RSA key"],
      [{ ...p256.jwk, alg: "ES384" }, "auth.privateKey: the JWK's alg ES384 does not fit its EC key"],
      [
        { ...p256.jwk, crv: "secp256k1" },
        "auth.privateKey: EC curve secp256k1 is not supported (use P-256, P-384 or P-521)",
      ],
      [pss.privateKey, "auth.privateKey: a RSA-PSS CryptoKey cannot sign client assertions"],
    ];
    for (const [privateKey, message] of cases) {
      expect((await rejection(signingKey(privateKey))).message).toBe(message);
    }
  });

  test("reports a JWK that does not import without quoting it", async () => {
    const error = await rejection(signingKey({ ...p256.jwk, x: "AAAA" }));
    expect(error.message).toMatch(/^auth\.privateKey: the key could not be imported \(\w+\)$/);
    expect(inspect(error)).not.toContain(String(p256.jwk.d));
  });
});
