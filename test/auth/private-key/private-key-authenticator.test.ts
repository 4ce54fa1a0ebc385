import { inspect } from "node:util";
import { decodeJwt, type JWK } from "jose";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { createPrivateKeyAuthenticator } from "../../../src/auth/private-key/private-key-authenticator.js";
import type { PrivateKeyAuth } from "../../../src/auth/private-key-auth.js";
import { isOktaOAuthError } from "../../../src/errors/error-guards.js";
import { OktaOAuthError } from "../../../src/errors/okta-errors.js";
import { withAuth } from "../../../src/transport/with-auth.js";
import { makeTestKey, type TestKey, toPkcs1Pem } from "../../helpers/keys.js";
import { type OAuthServer, type OAuthServerOptions, startOAuthServer } from "../../helpers/oauth-server.js";

const CLIENT_ID = "0oa1serviceapp";
let rsa: TestKey;
let ec: TestKey;
let other: TestKey;
let server: OAuthServer | undefined;
let clock = 1_800_000_000_000;
const now = () => clock;

beforeAll(async () => {
  [rsa, ec, other] = await Promise.all([makeTestKey("RS256"), makeTestKey("ES256"), makeTestKey("RS256")]);
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Partial<OAuthServerOptions> = {}): Promise<OAuthServer> {
  server = await startOAuthServer({ clientId: CLIENT_ID, publicKey: rsa.publicKey, now, ...options });
  return server;
}

function authenticator(org: OAuthServer, auth: Partial<PrivateKeyAuth> = {}) {
  const options: PrivateKeyAuth = { type: "privateKey", clientId: CLIENT_ID, privateKey: rsa.pkcs8, ...auth };
  return createPrivateKeyAuthenticator(options, {
    orgUrl: org.origin,
    fetch: (request) => fetch(request),
    now,
  });
}

function api(org: OAuthServer, auth: Partial<PrivateKeyAuth> = {}) {
  const call = withAuth(authenticator(org, auth), org.origin)((request) => fetch(request));
  return (path = "/api/v1/apps/0oa1/credentials/jwks?x=1") => call(new Request(`${org.origin}${path}`));
}

describe("createPrivateKeyAuthenticator", () => {
  const keyCases: [string, () => Partial<PrivateKeyAuth>, () => JWK, string][] = [
    ["an RSA PKCS#8 PEM", () => ({ privateKey: rsa.pkcs8 }), () => rsa.publicJwk, "RS256"],
    ["an RSA PKCS#1 PEM", () => ({ privateKey: toPkcs1Pem(rsa.pkcs8) }), () => rsa.publicJwk, "RS256"],
    [
      "an RSA PEM with RS512",
      () => ({ privateKey: rsa.pkcs8, algorithm: "RS512" }),
      () => rsa.publicJwk,
      "RS512",
    ],
    ["an EC PEM", () => ({ privateKey: ec.pkcs8 }), () => ec.publicJwk, "ES256"],
    ["a private JWK", () => ({ privateKey: rsa.jwk }), () => rsa.publicJwk, "RS256"],
    ["a CryptoKey", () => ({ privateKey: ec.privateKey }), () => ec.publicJwk, "ES256"],
  ];
  for (const [name, auth, publicKey, alg] of keyCases) {
    for (const keyId of [undefined, "key-2026"]) {
      test(`gets a verified token with ${name}${keyId ? " and a kid" : ""}`, async () => {
        const org = await start({ publicKey: publicKey(), ...(keyId ? { expectedKid: keyId } : {}) });
        const response = await api(org, { ...auth(), ...(keyId ? { keyId } : {}), dpop: false })();
        expect(response.status).toBe(200);
        expect(org.tokenLog).toEqual([
          expect.objectContaining({ status: 200, alg, kid: keyId, scope: "okta.apps.read okta.apps.manage" }),
        ]);
        expect(org.apiLog).toEqual([expect.objectContaining({ status: 200, scheme: "Bearer" })]);
      });
    }
  }

  test("uses the JWK's kid when keyId is not given", async () => {
    const org = await start({ expectedKid: "jwk-kid" });
    expect((await api(org, { privateKey: { ...rsa.jwk, kid: "jwk-kid" }, dpop: false })()).status).toBe(200);
    expect(org.tokenLog[0]?.kid).toBe("jwk-kid");
  });

  test("asks for the configured scopes", async () => {
    const org = await start();
    await api(org, { scopes: ["okta.apps.read"], dpop: false })();
    expect(org.tokenLog[0]?.scope).toBe("okta.apps.read");
  });

  test("reuses a cached token for the next request", async () => {
    const org = await start();
    const call = api(org, { dpop: false });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    expect(org.tokenLog).toHaveLength(1);
    expect(org.apiLog.map((entry) => entry.status)).toEqual([200, 200]);
  });

  test("refreshes the token shortly before expires_in runs out", async () => {
    const org = await start({ tokenLifetime: 120 });
    const call = api(org, { dpop: false });
    await call();
    clock += 107_000; // the margin is 10 % of 120 s
    await call();
    expect(org.tokenLog).toHaveLength(1);
    clock += 2_000;
    await call();
    expect(org.tokenLog).toHaveLength(2);
    expect(org.apiLog.every((entry) => entry.status === 200)).toBe(true);
  });

  test("makes exactly one token request for 100 concurrent first calls", async () => {
    const org = await start({ requireDpop: true, tokenNonce: true });
    const auth = authenticator(org, { dpop: true });
    const requests = Array.from({ length: 100 }, () =>
      auth.authorize(new Request(`${org.origin}/api/v1/apps`)),
    );
    const authorized = await Promise.all(requests);
    expect(org.tokenLog.filter((entry) => entry.status === 200)).toHaveLength(1);
    expect(new Set(authorized.map((request) => request.headers.get("Authorization"))).size).toBe(1);
    expect(new Set(authorized.map((request) => request.headers.get("DPoP"))).size).toBe(100);
  });

  test("refreshes once and retries once when the API refuses a cached token", async () => {
    const org = await start();
    const call = api(org, { dpop: false });
    await call();
    org.revokeTokens();
    const response = await call();
    expect(response.status).toBe(200);
    expect(org.tokenLog.map((entry) => entry.status)).toEqual([200, 200]);
    expect(org.apiLog.map((entry) => entry.status)).toEqual([200, 401, 200]);
  });

  test("binds tokens with DPoP and proves every API request", async () => {
    const org = await start({ requireDpop: true });
    const call = api(org, { dpop: true });
    expect((await call()).status).toBe(200);
    expect((await call("/api/v1/apps/0oa1/credentials/secrets#frag")).status).toBe(200);
    expect(org.tokenLog).toEqual([expect.objectContaining({ status: 200, dpop: true })]);
    expect(org.apiLog).toEqual([
      expect.objectContaining({ status: 200, scheme: "DPoP" }),
      expect.objectContaining({ status: 200, scheme: "DPoP" }),
    ]);
  });

  test("retries the token request once with the token endpoint's nonce", async () => {
    const org = await start({ requireDpop: true, tokenNonce: true });
    expect((await api(org, { dpop: true })()).status).toBe(200);
    expect(org.tokenLog.map((entry) => [entry.status, entry.error])).toEqual([
      [400, "use_dpop_nonce"],
      [200, undefined],
    ]);
  });

  test("retries an API call once with the API's nonce, and keeps using it", async () => {
    const org = await start({ requireDpop: true, tokenNonce: true, apiNonce: true });
    const call = api(org, { dpop: true });
    expect((await call()).status).toBe(200);
    expect((await call()).status).toBe(200);
    expect(org.apiLog.map((entry) => entry.status)).toEqual([401, 200, 200]);
    expect(org.tokenLog.filter((entry) => entry.status === 200)).toHaveLength(1);
    const [tokenNonce] = org.tokenLog.filter((entry) => entry.status === 200).map((entry) => entry.nonce);
    expect(org.apiLog[1]?.nonce).toEqual(expect.any(String));
    expect(org.apiLog[1]?.nonce).not.toBe(tokenNonce);
  });

  test("follows a rotated API nonce without a new token", async () => {
    const org = await start({ requireDpop: true, apiNonce: true });
    const call = api(org, { dpop: true });
    await call();
    org.rotateApiNonce();
    expect((await call()).status).toBe(200);
    expect(org.apiLog.map((entry) => entry.status)).toEqual([401, 200, 401, 200]);
    expect(org.tokenLog).toHaveLength(1);
  });

  test('switches to DPoP in "auto" mode when the app requires it, and stays there', async () => {
    const org = await start({ requireDpop: true, tokenNonce: true, tokenLifetime: 100 });
    const call = api(org);
    expect((await call()).status).toBe(200);
    clock += 100_000;
    expect((await call()).status).toBe(200);
    expect(org.tokenLog.map((entry) => [entry.status, entry.error, entry.dpop])).toEqual([
      [400, "invalid_dpop_proof", false],
      [400, "use_dpop_nonce", true],
      [200, undefined, true],
      [200, undefined, true],
    ]);
  });

  test('stays with Bearer tokens in "auto" mode when DPoP is not required', async () => {
    const org = await start();
    expect((await api(org)()).status).toBe(200);
    expect(org.tokenLog).toEqual([expect.objectContaining({ status: 200, dpop: false })]);
    expect(org.apiLog[0]?.scheme).toBe("Bearer");
  });

  test("explains the dpop option when it is false and the app requires DPoP", async () => {
    const org = await start({ requireDpop: true });
    const error = await api(org, { dpop: false })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OktaOAuthError);
    expect(error).toMatchObject({ status: 400, error: "invalid_dpop_proof", tokenUrl: org.tokenUrl });
    expect(String(error)).toContain('set auth.dpop to "auto" or true');
    expect(org.tokenLog).toHaveLength(1);
  });

  test("fails with an OktaOAuthError that reveals nothing secret when the key is wrong", async () => {
    const org = await start({ publicKey: other.publicKey });
    const pemError = await api(org, { privateKey: rsa.pkcs8 })().catch((caught: unknown) => caught);
    const jwkError = await api(org, { privateKey: rsa.jwk })().catch((caught: unknown) => caught);
    for (const error of [pemError, jwkError]) {
      expect(isOktaOAuthError(error)).toBe(true);
      expect(error).toMatchObject({ status: 401, error: "invalid_client" });
      const shown = [
        (error as Error).message,
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: 9 }),
      ];
      const secrets = [rsa.pkcs8.split("\n")[1] ?? "", String(rsa.jwk.d), String(rsa.jwk.p), ...org.secrets];
      expect(org.secrets.length).toBeGreaterThan(0);
      for (const text of shown) for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });

  test("keeps the key and tokens out of util.inspect of the authenticator", async () => {
    const org = await start({ requireDpop: true });
    const auth = authenticator(org, { privateKey: rsa.jwk, dpop: true });
    const authorized = await auth.authorize(new Request(`${org.origin}/api/v1/apps`));
    const token = (authorized.headers.get("Authorization") ?? "").split(" ")[1] ?? "";
    const shown = `${inspect(auth, { depth: 9, showHidden: true })}${JSON.stringify(auth)}`;
    expect(token.length).toBeGreaterThan(10);
    for (const secret of [token, String(rsa.jwk.d), ...org.secrets]) expect(shown).not.toContain(secret);
  });

  test("signs a short-lived, unique client assertion for the token URL", async () => {
    const org = await start();
    const auth = authenticator(org, { dpop: false });
    const sent = await auth.authorize(new Request(`${org.origin}/api/v1/apps`));
    await auth.shouldRetry?.(sent, new Response(null, { status: 401 }));
    await auth.authorize(new Request(`${org.origin}/api/v1/apps`));
    const assertions = org.secrets.filter((secret) => secret.startsWith("eyJ"));
    expect(assertions).toHaveLength(2);
    const [first, second] = assertions.map((jwt) => decodeJwt(jwt));
    expect(first).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID, aud: org.tokenUrl, iat: clock / 1000 });
    expect(first?.exp).toBe(clock / 1000 + 300);
    expect(first?.jti).not.toBe(second?.jti);
  });

  test("turns a non-JSON token error into a clear OktaOAuthError", async () => {
    const org = await start({
      tokenOverride: () => ({ status: 502, contentType: "text/html", body: "<h1>x</h1>" }),
    });
    const error = await api(org, { dpop: false })().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, error: "unexpected_response", tokenUrl: org.tokenUrl });
    expect((error as Error).message).toBe(
      `502 unexpected_response: the token endpoint answered 502 with text/html, not an OAuth error (POST ${org.tokenUrl})`,
    );
  });

  test("rejects a 200 token response without an access token", async () => {
    const org = await start({
      tokenOverride: () => ({
        status: 200,
        contentType: "application/json",
        body: '{"token_type":"Bearer"}',
      }),
    });
    const error = await api(org, { dpop: false })().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 200, error: "invalid_token_response" });
  });

  test("checks options and context at once, and what the key holds on the first authorize, before any request", async () => {
    const org = await start();
    expect(() => authenticator(org, { clientId: "" })).toThrow(/^auth\.clientId: /);
    expect(() => authenticator(org, { privateKey: rsa.publicJwk })).toThrow(
      /^auth\.privateKey: the JWK has no "d"/,
    );
    const publicPem = authenticator(org, { privateKey: rsa.pkcs8.replaceAll("PRIVATE KEY", "PUBLIC KEY") });
    const request = () => new Request(`${org.origin}/api/v1/apps`);
    const errors = [
      await publicPem.authorize(request()).catch((caught: unknown) => caught),
      await publicPem.authorize(request()).catch((caught: unknown) => caught),
    ];
    expect(errors[0]).toBeInstanceOf(TypeError);
    expect((errors[0] as Error).message).toMatch(/^auth\.privateKey: the PEM is a public key/);
    expect(errors[1]).toBe(errors[0]);
    expect(org.tokenLog).toHaveLength(0);
  });

  test("refuses an org URL that is neither https nor loopback http, before any request", async () => {
    const org = await start();
    for (const orgUrl of ["http://example.com", "ftp://acme.okta.com", "acme.okta.com"]) {
      const create = () =>
        createPrivateKeyAuthenticator(
          { type: "privateKey", clientId: CLIENT_ID, privateKey: rsa.pkcs8 },
          { orgUrl, fetch: (request) => fetch(request), now },
        );
      expect(create).toThrow(TypeError);
      expect(create).toThrow(/^context\.orgUrl: expected an https URL/);
    }
    expect(org.tokenLog).toHaveLength(0);
  });

  test("names keyId in the assertion over the JWK's own kid", async () => {
    const org = await start({ expectedKid: "chosen" });
    const call = api(org, { privateKey: { ...rsa.jwk, kid: "jwk-kid" }, keyId: "chosen", dpop: false });
    expect((await call()).status).toBe(200);
    expect(org.tokenLog[0]?.kid).toBe("chosen");
  });
});
