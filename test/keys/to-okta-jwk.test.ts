import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from "jose";
import { describe, expect, test } from "vitest";
import { PRIVATE_JWK_MEMBERS } from "../../src/api/check-new-jwk.js";
import { pkcs1ToPkcs8 } from "../../src/keys/pkcs1-to-pkcs8.js";
import { rsaModulusBits } from "../../src/keys/rsa-modulus-bits.js";
import { toOktaJwk } from "../../src/keys/to-okta-jwk.js";

// The RSA key of RFC 7638 section 3.1 and the thumbprint the RFC publishes for it.
const RFC7638_KEY = {
  kty: "RSA",
  n: "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
  e: "AQAB",
  alg: "RS256",
  kid: "2011-04-29",
};
const RFC7638_THUMBPRINT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

async function rsaPair(modulusLength: number) {
  return generateKeyPair("RS256", { modulusLength, extractable: true });
}

function expectPublicOnly(jwk: object): void {
  for (const member of PRIVATE_JWK_MEMBERS) expect(jwk).not.toHaveProperty(member);
}

describe("toOktaJwk", () => {
  test("gives the RFC 7638 section 3.1 key the thumbprint the RFC publishes", async () => {
    const { kid: _kid, ...withoutKid } = RFC7638_KEY;
    const jwk = await toOktaJwk(withoutKid, { use: "sig" });
    expect(jwk).toEqual({
      kty: "RSA",
      use: "sig",
      alg: "RS256",
      kid: RFC7638_THUMBPRINT,
      n: RFC7638_KEY.n,
      e: "AQAB",
    });
  });

  test("keeps a JWK's own kid, and options.kid wins over it", async () => {
    expect((await toOktaJwk(RFC7638_KEY, { use: "sig" })).kid).toBe("2011-04-29");
    expect((await toOktaJwk(RFC7638_KEY, { use: "sig", kid: "mine" })).kid).toBe("mine");
  });

  test.each([2048, 3072])("converts a %i-bit RSA CryptoKey for signing and for encryption", async (bits) => {
    const { publicKey } = await rsaPair(bits);
    const sig = await toOktaJwk(publicKey, { use: "sig" });
    const enc = await toOktaJwk(publicKey, { use: "enc", status: "INACTIVE" });
    expect(sig).toMatchObject({ kty: "RSA", use: "sig", alg: "RS256", e: "AQAB" });
    expect(enc).toMatchObject({ kty: "RSA", use: "enc", alg: "RSA-OAEP-256", status: "INACTIVE" });
    expect(rsaModulusBits((sig as { n: string }).n)).toBe(bits);
    expect(sig.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test.each([
    ["ES256", "P-256"],
    ["ES384", "P-384"],
    ["ES512", "P-521"],
  ] as const)("converts an %s key with its curve %s and natural alg", async (alg, crv) => {
    const { publicKey } = await generateKeyPair(alg, { extractable: true });
    const exported = await exportJWK(publicKey);
    const jwk = await toOktaJwk(publicKey, { use: "sig" });
    expect(jwk).toEqual({ kty: "EC", use: "sig", alg, crv, x: exported.x, y: exported.y, kid: jwk.kid });
  });

  test("reads SPKI and PKCS#8 PEM and keeps only the public half of a private key", async () => {
    const { publicKey, privateKey } = await rsaPair(2048);
    const fromPublic = await toOktaJwk(await exportSPKI(publicKey), { use: "sig" });
    const fromPrivate = await toOktaJwk(await exportPKCS8(privateKey), { use: "sig" });
    expect(fromPrivate).toEqual(fromPublic);
    expectPublicOnly(fromPrivate);
  });

  test("reads an EC private key PEM on P-384", async () => {
    const { privateKey, publicKey } = await generateKeyPair("ES384", { extractable: true });
    const jwk = await toOktaJwk(await exportPKCS8(privateKey), { use: "sig" });
    expect(jwk).toEqual(await toOktaJwk(publicKey, { use: "sig" }));
    expect(jwk).toMatchObject({ crv: "P-384", alg: "ES384" });
  });

  test("reads a PKCS#1 RSA PRIVATE KEY PEM", async () => {
    const { privateKey, publicKey } = await rsaPair(2048);
    const pkcs8 = await exportPKCS8(privateKey);
    const der = Uint8Array.from(atob(pkcs8.replace(/-----[A-Z ]+-----|\s/g, "")), (c) => c.charCodeAt(0));
    // PKCS#8 of RSA = 26 bytes of envelope (4-byte SEQUENCE header, version, algorithm, 4-byte OCTET STRING header).
    const pkcs1 = der.subarray(26);
    expect(pkcs1ToPkcs8(pkcs1)).toEqual(der);
    const pem = `-----BEGIN RSA PRIVATE KEY-----\n${btoa(String.fromCharCode(...pkcs1))}\n-----END RSA PRIVATE KEY-----\n`;
    expect(await toOktaJwk(pem, { use: "sig" })).toEqual(await toOktaJwk(publicKey, { use: "sig" }));
  });

  test("strips private members from a private JWK and from an extractable private CryptoKey", async () => {
    const { privateKey } = await rsaPair(2048);
    const privateJwk = await exportJWK(privateKey);
    expect(privateJwk.d).toBeDefined();
    const fromJwk = await toOktaJwk({ ...privateJwk, ext: true, key_ops: ["sign"] }, { use: "sig" });
    expectPublicOnly(fromJwk);
    expect(Object.keys(fromJwk).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    expect(await toOktaJwk(privateKey, { use: "sig" })).toEqual(fromJwk);
  });

  test("accepts a Node KeyObject through its export method", async () => {
    const { createPrivateKey } = await import("node:crypto");
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const keyObject = createPrivateKey({ key: await exportPKCS8(privateKey), format: "pem" });
    const jwk = await toOktaJwk(keyObject, { use: "sig" });
    expectPublicOnly(jwk);
    expect(jwk).toEqual(await toOktaJwk(privateKey, { use: "sig" }));
  });

  test("refuses a 1024-bit RSA key without quoting it", async () => {
    // jose refuses to generate short keys, so WebCrypto makes this one.
    const { publicKey } = (await crypto.subtle.generateKey(
      {
        name: "RSASSA-PKCS1-v1_5",
        modulusLength: 1024,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: "SHA-256",
      },
      true,
      ["sign", "verify"],
    )) as CryptoKeyPair;
    const pem = await exportSPKI(publicKey);
    const error = await toOktaJwk(pem, { use: "sig" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe("key is an RSA key of 1024 bits; Okta requires at least 2048");
  });

  test("refuses an EC key for encryption, a curve Okta does not take and a symmetric key", async () => {
    const { publicKey } = await generateKeyPair("ES256", { extractable: true });
    await expect(toOktaJwk(publicKey, { use: "enc" })).rejects.toThrow(
      'Okta accepts only RSA keys for "enc"',
    );
    const { publicKey: ed } = await generateKeyPair("EdDSA", { extractable: true });
    await expect(toOktaJwk(ed, { use: "sig" })).rejects.toThrow('got kty "OKP"');
    await expect(toOktaJwk({ kty: "oct", k: "c2VjcmV0" }, { use: "sig" })).rejects.toThrow('got kty "oct"');
  });

  test("refuses an alg that does not suit the key, and bad options, before reading the key", async () => {
    await expect(toOktaJwk(RFC7638_KEY, { use: "sig", alg: "ES256" })).rejects.toThrow(
      'options.alg "ES256" does not suit this RSA key for "sig"',
    );
    await expect(toOktaJwk(RFC7638_KEY, { use: "enc", alg: "RS256" })).rejects.toThrow(TypeError);
    await expect(toOktaJwk(RFC7638_KEY, { use: "both" as "sig" })).rejects.toThrow(
      'options.use must be "sig" or "enc"',
    );
    await expect(toOktaJwk(RFC7638_KEY, { use: "sig", kid: "" })).rejects.toThrow("options.kid");
    await expect(toOktaJwk("not a key", { use: "sig" })).rejects.toThrow("key: expected a PEM block");
  });

  test("refuses an encrypted PEM and a non-extractable private key with a hint, never with key material", async () => {
    const pem =
      "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----";
    const error = (await toOktaJwk(pem, { use: "sig" }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^key: the PEM is encrypted; decrypt it first/);
    expect(error.message).not.toContain("MIIB");
    const { privateKey } = await generateKeyPair("ES256");
    await expect(toOktaJwk(privateKey, { use: "sig" })).rejects.toThrow("not extractable");
  });
});

describe("rsaModulusBits", () => {
  test("measures the modulus, ignoring a leading zero byte, and gives 0 for malformed base64url", () => {
    expect(rsaModulusBits(RFC7638_KEY.n)).toBe(2048);
    expect(rsaModulusBits("AIA")).toBe(8);
    expect(rsaModulusBits("AQ")).toBe(1);
    expect(rsaModulusBits("not base64url!")).toBe(0);
  });
});
