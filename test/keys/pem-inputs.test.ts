import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { createPrivateKeyAuthenticator } from "../../src/auth/private-key/private-key-authenticator.js";
import { toOktaJwk } from "../../src/keys/to-okta-jwk.js";
import { makeTestKey, type TestKey, toPkcs1Pem, toSec1Pem } from "../helpers/keys.js";
import { type OAuthServer, startOAuthServer } from "../helpers/oauth-server.js";

const CLIENT_ID = "0oa1serviceapp";
let rsa: TestKey;
let ec: TestKey;
let ed25519: TestKey;
let server: OAuthServer | undefined;

beforeAll(async () => {
  [rsa, ec, ed25519] = await Promise.all([
    makeTestKey("RS256"),
    makeTestKey("ES256"),
    makeTestKey("Ed25519"),
  ]);
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const oneLine = (pem: string) => pem.trim().replaceAll("\n", "\\n");

/** The first authorize of a private-key authenticator whose token endpoint knows `rsa`'s public key. */
async function authorizeWith(privateKey: string): Promise<Request> {
  server ??= await startOAuthServer({ clientId: CLIENT_ID, publicKey: rsa.publicKey, now: Date.now });
  const { origin } = server;
  const auth = createPrivateKeyAuthenticator(
    { type: "privateKey", clientId: CLIENT_ID, privateKey, dpop: false },
    { orgUrl: origin, fetch: (request) => fetch(request) },
  );
  return auth.authorize(new Request(`${origin}/api/v1/apps`));
}

describe("PEM input of toOktaJwk and private-key auth", () => {
  const accepted: [string, () => string][] = [
    ["a PKCS#8 PEM", () => rsa.pkcs8],
    ["a PKCS#8 PEM on one line with literal \\n", () => oneLine(rsa.pkcs8)],
    ["a PKCS#8 PEM on one line with literal \\r\\n", () => rsa.pkcs8.trim().replaceAll("\n", "\\r\\n")],
    ["a PKCS#1 PEM", () => toPkcs1Pem(rsa.pkcs8)],
    ["a PKCS#1 PEM on one line with literal \\n", () => oneLine(toPkcs1Pem(rsa.pkcs8))],
  ];
  for (const [name, pem] of accepted) {
    test(`both read ${name}`, async () => {
      expect(pem()).toContain("-----BEGIN");
      expect(await toOktaJwk(pem(), { use: "sig" })).toEqual(await toOktaJwk(rsa.publicKey, { use: "sig" }));
      const authorized = await authorizeWith(pem());
      expect(authorized.headers.get("Authorization")).toMatch(/^Bearer \S+$/);
      expect(server?.tokenLog).toEqual([expect.objectContaining({ status: 200, alg: "RS256" })]);
    });
  }

  const refused: [string, () => string, string][] = [
    [
      "a SEC1 EC PEM",
      () => toSec1Pem(ec.pkcs8),
      'the PEM is a SEC1 "EC PRIVATE KEY"; convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`',
    ],
    [
      "an encrypted PKCS#8 PEM",
      () => rsa.pkcs8.replaceAll("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"),
      "the PEM is encrypted; decrypt it first with `openssl pkcs8 -in key.pem -out plain.pem`",
    ],
    [
      "a PKCS#1 PEM with legacy encryption headers",
      () => toPkcs1Pem(rsa.pkcs8).replace("KEY-----\n", "KEY-----\nProc-Type: 4,ENCRYPTED\n\n"),
      "the PEM is encrypted; convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`",
    ],
    [
      "a PEM whose body is not base64",
      () => "-----BEGIN PRIVATE KEY-----\nnot base64!\n-----END PRIVATE KEY-----",
      "the PEM block's body is not base64",
    ],
    [
      "a PKCS#1 PEM that holds no key",
      () => "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n-----END RSA PRIVATE KEY-----",
      "the PEM holds no RSA key or EC key on P-256, P-384 or P-521",
    ],
    ["an Ed25519 key", () => ed25519.pkcs8, "the PEM holds no RSA key or EC key on P-256, P-384 or P-521"],
  ];
  for (const [name, pem, problem] of refused) {
    test(`both refuse ${name} with the same message, never quoting the key`, async () => {
      const text = pem();
      const fromJwk = await toOktaJwk(text, { use: "sig" }).catch((caught: unknown) => caught);
      const fromAuth = await authorizeWith(text).catch((caught: unknown) => caught);
      expect(fromJwk).toEqual(new TypeError(`key: ${problem}`));
      expect(fromAuth).toEqual(new TypeError(`auth.privateKey: ${problem}`));
      expect(server?.tokenLog).toEqual([]);
      const body = text.split("\n").filter((line) => !line.startsWith("-----") && line.length > 8);
      expect(body.length).toBeGreaterThan(0);
      for (const error of [fromJwk, fromAuth])
        for (const line of body) expect(String(error)).not.toContain(line);
    });
  }

  test("both read the public halves toOktaJwk needs, which private-key auth refuses", async () => {
    const spki = rsa.pkcs8.replaceAll("PRIVATE KEY", "PUBLIC KEY");
    await expect(authorizeWith(spki)).rejects.toThrow(
      "auth.privateKey: the PEM is a public key; pass the private key whose public half is registered with Okta",
    );
    const { exportSPKI } = await import("jose");
    const jwk = await toOktaJwk(await exportSPKI(rsa.publicKey), { use: "sig" });
    expect(jwk).toEqual(await toOktaJwk(rsa.pkcs8, { use: "sig" }));
  });
});
