import { inspect } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { validatePrivateKeyAuth } from "../../../src/auth/private-key/validate-private-key-auth.js";
import type { PrivateKeyAuthContext } from "../../../src/auth/private-key-auth.js";
import { makeTestKey, type TestKey } from "../../helpers/keys.js";

let rsa: TestKey;
let ec: TestKey;
const context: PrivateKeyAuthContext = {
  orgUrl: "https://acme.okta.com/",
  fetch: async () => new Response(),
};

beforeAll(async () => {
  [rsa, ec] = await Promise.all([makeTestKey("RS256"), makeTestKey("ES256")]);
});

function base(): Record<string, unknown> {
  return { type: "privateKey", clientId: "0oa1", privateKey: rsa.pkcs8 };
}

describe("validatePrivateKeyAuth", () => {
  test("fills in every default", () => {
    const now = () => 5;
    const resolved = validatePrivateKeyAuth(base(), { ...context, now });
    expect(resolved).toMatchObject({
      clientId: "0oa1",
      keyId: undefined,
      scopes: ["okta.apps.read", "okta.apps.manage"],
      dpop: "auto",
      tokenUrl: "https://acme.okta.com/oauth2/v1/token",
      now,
    });
    expect(resolved.signingKey.alg).toBe("RS256");
    expect(validatePrivateKeyAuth(base(), context).now).toBe(Date.now);
  });

  test("passes the checked options on and signs with the algorithm asked for", () => {
    const tokenUrl = "https://acme.okta.com/oauth2/aus1/v1/token";
    const options = { ...base(), keyId: "k1", dpop: false, algorithm: "RS512", tokenUrl };
    const resolved = validatePrivateKeyAuth(options, context);
    expect(resolved).toMatchObject({ keyId: "k1", dpop: false, tokenUrl, signingKey: { alg: "RS512" } });
    expect(resolved).not.toHaveProperty("privateKey");
  });

  test("takes the key id from a JWK's kid unless keyId is given", () => {
    const jwk = { ...ec.jwk, kid: "jwk-kid" };
    expect(validatePrivateKeyAuth({ ...base(), privateKey: jwk }, context).keyId).toBe("jwk-kid");
    expect(validatePrivateKeyAuth({ ...base(), privateKey: jwk, keyId: "k2" }, context).keyId).toBe("k2");
  });

  // Thunks: the keys only exist once beforeAll has run.
  const invalid: [string, () => Record<string, unknown>, RegExp][] = [
    ["an empty clientId", () => ({ clientId: "" }), /^auth\.clientId: /],
    ["a scope with a space", () => ({ scopes: ["okta.apps.read okta.apps.manage"] }), /^auth\.scopes: /],
    ["a missing privateKey", () => ({ privateKey: undefined }), /^auth\.privateKey: expected a PEM string/],
    [
      "a public-key PEM",
      () => ({ privateKey: rsa.pkcs8.replaceAll("PRIVATE KEY", "PUBLIC KEY") }),
      /^auth\.privateKey: the PEM is a public key/,
    ],
    [
      "a PEM that holds no key",
      () => ({ privateKey: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" }),
      /^auth\.privateKey: the PEM does not hold an RSA or EC private key/,
    ],
    [
      "an EC key with RS256",
      () => ({ privateKey: ec.pkcs8, algorithm: "RS256" }),
      /^auth\.algorithm: RS256 does not fit this EC key/,
    ],
  ];
  for (const [name, change, message] of invalid) {
    test(`throws a TypeError for ${name}`, () => {
      expect(() => validatePrivateKeyAuth({ ...base(), ...change() }, context)).toThrow(TypeError);
      expect(() => validatePrivateKeyAuth({ ...base(), ...change() }, context)).toThrow(message);
    });
  }

  test("checks the context", () => {
    expect(() => validatePrivateKeyAuth(base(), { ...context, orgUrl: "acme.okta.com" })).toThrow(
      /^context\.orgUrl: /,
    );
  });

  test("never puts the key in a message", () => {
    const body = rsa.pkcs8.split("\n")[2] ?? "";
    try {
      validatePrivateKeyAuth({ ...base(), algorithm: "ES256" }, context);
    } catch (error) {
      expect(`${String(error)}${inspect(error)}`).not.toContain(body);
      return;
    }
    throw new Error("expected a TypeError");
  });
});
