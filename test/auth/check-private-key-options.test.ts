import { beforeAll, describe, expect, test } from "vitest";
import { checkPrivateKeyOptions } from "../../src/auth/check-private-key-options.js";
import { makeTestKey, type TestKey } from "../helpers/keys.js";

const ORIGIN = "https://acme.okta.com";
let rsa: TestKey;
beforeAll(async () => {
  rsa = await makeTestKey("RS256");
});

function base(): Record<string, unknown> {
  return { type: "privateKey", clientId: "0oa1", privateKey: rsa.pkcs8 };
}

describe("checkPrivateKeyOptions", () => {
  test("fills in every default, the org's token endpoint included, and passes the key on sorted by kind", () => {
    expect(checkPrivateKeyOptions(base(), ORIGIN)).toEqual({
      clientId: "0oa1",
      privateKey: { kind: "pem", text: rsa.pkcs8 },
      algorithm: undefined,
      keyId: undefined,
      scopes: ["okta.apps.read", "okta.apps.manage"],
      dpop: "auto",
      tokenUrl: "https://acme.okta.com/oauth2/v1/token",
    });
  });

  test("keeps given values", () => {
    const options = {
      ...base(),
      keyId: "k1",
      scopes: ["okta.apps.read"],
      dpop: false,
      tokenUrl: "http://127.0.0.1:9/oauth2/aus1/v1/token",
      algorithm: "RS512",
    };
    expect(checkPrivateKeyOptions(options, ORIGIN)).toMatchObject({
      keyId: "k1",
      scopes: ["okta.apps.read"],
      dpop: false,
      tokenUrl: "http://127.0.0.1:9/oauth2/aus1/v1/token",
      algorithm: "RS512",
    });
  });

  test("allows a plain-http tokenUrl on every loopback host, as orgUrl does", () => {
    const tokenUrl = "http://127.0.0.2:9/oauth2/v1/token";
    expect(checkPrivateKeyOptions({ ...base(), tokenUrl }, ORIGIN).tokenUrl).toBe(tokenUrl);
  });

  test("leaves what the key holds, and whether the algorithm fits it, to toSigningKey", () => {
    const publicPem = rsa.pkcs8.replaceAll("PRIVATE KEY", "PUBLIC KEY");
    const checked = checkPrivateKeyOptions({ ...base(), privateKey: publicPem, algorithm: "ES256" }, ORIGIN);
    expect([checked.privateKey, checked.algorithm]).toEqual([{ kind: "pem", text: publicPem }, "ES256"]);
  });

  const invalid: [string, Record<string, unknown>, RegExp][] = [
    ["type", { type: "token" }, /^auth\.type: /],
    ["an empty clientId", { clientId: "" }, /^auth\.clientId: /],
    ["a clientId with spaces", { clientId: "0oa 1" }, /^auth\.clientId: /],
    ["a blank keyId", { keyId: " " }, /^auth\.keyId: /],
    ["an unknown algorithm", { algorithm: "HS256" }, /^auth\.algorithm: expected one of RS256/],
    ["a dpop string", { dpop: "yes" }, /^auth\.dpop: /],
    ["empty scopes", { scopes: [] }, /^auth\.scopes: /],
    ["a scope list as a string", { scopes: "okta.apps.read" }, /^auth\.scopes: /],
    ["a scope with a space", { scopes: ["okta.apps.read okta.apps.manage"] }, /^auth\.scopes: /],
    ["a relative tokenUrl", { tokenUrl: "/oauth2/v1/token" }, /^auth\.tokenUrl: /],
    [
      "a plain-http tokenUrl",
      { tokenUrl: "http://acme.okta.com/oauth2/v1/token" },
      /^auth\.tokenUrl: .*https/,
    ],
    ["a tokenUrl with credentials", { tokenUrl: "https://u:p@acme.okta.com/t" }, /^auth\.tokenUrl: /],
    ["a tokenUrl with a query", { tokenUrl: "https://acme.okta.com/t?x=1" }, /^auth\.tokenUrl: /],
    ["a missing privateKey", { privateKey: undefined }, /^auth\.privateKey: expected a PEM string/],
    ["a privateKey that is no PEM", { privateKey: "okta.key" }, /^auth\.privateKey: expected a PEM block/],
    ["a public JWK", { privateKey: { kty: "EC", crv: "P-256" } }, /^auth\.privateKey: the JWK has no "d"/],
  ];
  for (const [name, change, message] of invalid) {
    test(`throws a TypeError for ${name}`, () => {
      expect(() => checkPrivateKeyOptions({ ...base(), ...change }, ORIGIN)).toThrow(TypeError);
      expect(() => checkPrivateKeyOptions({ ...base(), ...change }, ORIGIN)).toThrow(message);
    });
  }

  test("throws a TypeError naming auth when the options are no object", () => {
    expect(() => checkPrivateKeyOptions(null, ORIGIN)).toThrow(/^auth: /);
  });
});
