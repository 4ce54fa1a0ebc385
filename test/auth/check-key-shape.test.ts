import { beforeAll, describe, expect, test } from "vitest";
import { checkKeyShape } from "../../src/auth/check-key-shape.js";
import { makeTestKey, type TestKey, toSec1Pem } from "../helpers/keys.js";

let rsa: TestKey;
let ec: TestKey;

beforeAll(async () => {
  [rsa, ec] = await Promise.all([makeTestKey("RS256"), makeTestKey("ES256")]);
});

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TypeError) return error.message;
  }
  throw new Error("expected a TypeError");
}

describe("checkKeyShape", () => {
  test("sorts each kind of key without changing it", () => {
    expect(checkKeyShape(rsa.pkcs8)).toEqual({ kind: "pem", text: rsa.pkcs8 });
    expect(checkKeyShape(rsa.jwk)).toEqual({ kind: "jwk", jwk: rsa.jwk });
    expect(checkKeyShape(ec.privateKey)).toEqual({ kind: "cryptoKey", key: ec.privateKey });
    const oneLine = rsa.pkcs8.replaceAll("\n", "\\n");
    expect(checkKeyShape(oneLine)).toEqual({ kind: "pem", text: oneLine });
  });

  test("leaves what the key holds to the checks loaded on the first call", () => {
    const undecodable = [
      rsa.pkcs8.replaceAll("PRIVATE KEY", "PUBLIC KEY"),
      toSec1Pem(ec.pkcs8),
      "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
      "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----",
    ];
    for (const text of undecodable) expect(checkKeyShape(text)).toEqual({ kind: "pem", text });
    const unsupportedAlg = { ...rsa.jwk, alg: "PS256" };
    expect(checkKeyShape(unsupportedAlg)).toEqual({ kind: "jwk", jwk: unsupportedAlg });
  });

  test("refuses what is not a key at all", () => {
    for (const value of [undefined, null, 42, true]) {
      expect(messageOf(() => checkKeyShape(value))).toBe(
        "auth.privateKey: expected a PEM string, a private JWK or a CryptoKey",
      );
    }
    for (const text of ["", "./okta-app.key", rsa.pkcs8.split("\n").slice(1, -2).join("\n")]) {
      expect(messageOf(() => checkKeyShape(text))).toBe(
        "auth.privateKey: expected a PEM block (-----BEGIN PRIVATE KEY-----)",
      );
    }
  });

  test("refuses public and unknown JWKs, and public CryptoKeys", () => {
    expect(messageOf(() => checkKeyShape(rsa.publicJwk))).toBe(
      'auth.privateKey: the JWK has no "d", so it is a public key; pass the private key',
    );
    expect(messageOf(() => checkKeyShape({ kty: "oct", k: "AAAA" }))).toBe(
      'auth.privateKey: JWK kty must be "RSA" or "EC"',
    );
    expect(messageOf(() => checkKeyShape(ec.publicKey))).toBe(
      'auth.privateKey: the CryptoKey must be a private key with the "sign" usage',
    );
  });

  test("never puts the key in a message", () => {
    const body = rsa.pkcs8.split("\n").slice(1, -2).join("\n");
    expect(messageOf(() => checkKeyShape(body))).not.toContain(body.slice(10, 40));
    expect(messageOf(() => checkKeyShape({ ...rsa.jwk, kty: "oct" }))).not.toContain(String(rsa.jwk.d));
  });
});
