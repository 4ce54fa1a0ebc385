import { type createPrivateKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, test } from "vitest";
import { readPem } from "../../../src/auth/private-key/pem.js";
import { readPkcs8KeyType, wrapPkcs1RsaKey } from "../../../src/auth/private-key/pkcs8.js";

function der(key: ReturnType<typeof createPrivateKey>, type: "pkcs1" | "pkcs8"): Uint8Array {
  return new Uint8Array(key.export({ type, format: "der" }));
}

describe("wrapPkcs1RsaKey", () => {
  for (const modulusLength of [1024, 2048]) {
    test(`produces exactly OpenSSL's PKCS#8 for a ${modulusLength}-bit key`, () => {
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength });
      expect(wrapPkcs1RsaKey(der(privateKey, "pkcs1"))).toEqual(der(privateKey, "pkcs8"));
    });
  }

  test("refuses bytes that are not one DER sequence", () => {
    expect(wrapPkcs1RsaKey(Uint8Array.of(0x02, 0x01, 0x00))).toBeUndefined();
    expect(wrapPkcs1RsaKey(Uint8Array.of(0x30, 0x05, 0x02, 0x01))).toBeUndefined();
    expect(wrapPkcs1RsaKey(Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x00, 0xff))).toBeUndefined();
    expect(wrapPkcs1RsaKey(new Uint8Array())).toBeUndefined();
  });
});

describe("readPkcs8KeyType", () => {
  test("recognises RSA keys", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    expect(readPkcs8KeyType(der(privateKey, "pkcs8"))).toEqual({ kty: "RSA" });
  });

  for (const [namedCurve, crv] of [
    ["prime256v1", "P-256"],
    ["secp384r1", "P-384"],
    ["secp521r1", "P-521"],
  ] as const) {
    test(`recognises EC keys on ${crv}`, () => {
      const { privateKey } = generateKeyPairSync("ec", { namedCurve });
      expect(readPkcs8KeyType(der(privateKey, "pkcs8"))).toEqual({ kty: "EC", crv });
    });
  }

  test("gives up on other key types and curves", () => {
    const ed = generateKeyPairSync("ed25519").privateKey;
    const k256 = generateKeyPairSync("ec", { namedCurve: "secp256k1" }).privateKey;
    const pss = generateKeyPairSync("rsa-pss", { modulusLength: 1024 }).privateKey;
    for (const key of [ed, k256, pss]) expect(readPkcs8KeyType(der(key, "pkcs8"))).toBeUndefined();
    expect(readPkcs8KeyType(Uint8Array.of(0x30, 0x00))).toBeUndefined();
  });
});

describe("readPem", () => {
  test("reads the label and DER of the first block", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(readPem(`comment\n${pem}`)).toEqual({ label: "PRIVATE KEY", der: der(privateKey, "pkcs8") });
  });

  test("accepts a PEM stored on one line with literal \\n escapes", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const escaped = pem.trim().replaceAll("\n", "\\n");
    expect(escaped).not.toContain("\n");
    expect(readPem(escaped)).toEqual({ label: "PRIVATE KEY", der: der(privateKey, "pkcs8") });
  });

  test("marks legacy encrypted blocks and rejects broken ones", () => {
    const encrypted =
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END RSA PRIVATE KEY-----";
    expect(readPem(encrypted)?.label).toBe("ENCRYPTED RSA PRIVATE KEY");
    expect(readPem("-----BEGIN PRIVATE KEY-----\n%%%\n-----END PRIVATE KEY-----")).toBeUndefined();
    expect(readPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PUBLIC KEY-----")).toBeUndefined();
  });
});
