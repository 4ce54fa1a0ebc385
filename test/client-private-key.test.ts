import { inspect } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { createPrivateKeyAuthenticator } from "../src/auth/private-key/private-key-authenticator.js";
import type { PrivateKeyAuth } from "../src/auth/private-key-auth.js";
import { createOktaClient } from "../src/client.js";
import { isOktaOAuthError } from "../src/errors/error-guards.js";
import { makeTestKey, toSec1Pem } from "./helpers/keys.js";
import { type OAuthServer, startOAuthServer } from "./helpers/oauth-server.js";
import { scriptedServers } from "./helpers/scripted-server.js";

const CLIENT_ID = "0oa9svcapp1Lq8Xe0x5d";
let server: OAuthServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("createOktaClient with service-app auth", () => {
  test("gets a DPoP-bound token once and uses it for every call", async () => {
    const key = await makeTestKey("ES256");
    server = await startOAuthServer({
      clientId: CLIENT_ID,
      publicKey: key.publicKey,
      now: Date.now,
      requireDpop: true,
    });
    const okta = createOktaClient({
      orgUrl: server.origin,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8 },
    });
    expect(await okta.jwks.list("0oa8kg3bp0aQ7nD0x5d7")).toEqual([]);
    expect(await okta.secrets.list("0oa8kg3bp0aQ7nD0x5d7")).toEqual([]);
    // "auto": the first token request has no proof, Okta demands one, every later request carries one.
    expect(server.tokenLog.map((entry) => [entry.status, entry.dpop])).toEqual([
      [400, false],
      [200, true],
    ]);
    expect(server.apiLog.map((entry) => [entry.status, entry.scheme])).toEqual([
      [200, "DPoP"],
      [200, "DPoP"],
    ]);
  });

  test("a call aborted while its token is being fetched rejects at once with the abort's reason", async () => {
    const key = await makeTestKey("ES256");
    let tokenRequests = 0;
    // A token endpoint that never answers, and a fetch that ignores its signal.
    const hanging = (request: Request) => {
      if (request.url.endsWith("/oauth2/v1/token")) tokenRequests += 1;
      return new Promise<Response>(() => {});
    };
    const okta = createOktaClient({
      orgUrl: "https://acme.okta.com",
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8 },
      fetch: hanging,
      timeoutMs: 3_000,
      retry: false,
    });
    const controller = new AbortController();
    const call = okta.jwks.list("0oa8kg3bp0aQ7nD0x5d7", { signal: controller.signal });
    const outcome = call.then(
      () => "resolved",
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    controller.abort(new Error("the user gave up"));
    expect(await outcome).toEqual(new Error("the user gave up"));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(tokenRequests).toBe(1);
  });

  test.each([
    ["503", { status: 503, contentType: "text/html", body: "<h1>Service Unavailable</h1>" }],
    [
      "429",
      {
        status: 429,
        contentType: "application/json",
        body: '{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests."}',
      },
    ],
  ])(
    "a token endpoint that answers %s once is asked again, and even a POST goes through",
    async (_, busy) => {
      const key = await makeTestKey("ES256");
      let tokenRequests = 0;
      server = await startOAuthServer({
        clientId: CLIENT_ID,
        publicKey: key.publicKey,
        now: Date.now,
        tokenOverride: () => (++tokenRequests === 1 ? busy : undefined),
      });
      const retried: unknown[] = [];
      const okta = createOktaClient({
        orgUrl: server.origin,
        auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8, dpop: false },
        retry: {
          retries: 2,
          maxDelayMs: 1,
          onRetry: (info) => retried.push([info.reason, new URL(info.url).pathname]),
        },
      });
      expect(await okta.secrets.create("0oa8kg3bp0aQ7nD0x5d7")).toMatchObject({ id: "ocs1new" });
      expect(retried).toEqual([[busy.status, "/api/v1/apps/0oa8kg3bp0aQ7nD0x5d7/credentials/secrets"]]);
      expect(server.tokenLog.map((entry) => entry.status)).toEqual([busy.status, 200]);
      expect(server.apiLog.map((entry) => entry.status)).toEqual([200]);
    },
  );

  test("a token request that gets no answer is made again, and the call goes through", async () => {
    const key = await makeTestKey("ES256");
    server = await startOAuthServer({ clientId: CLIENT_ID, publicKey: key.publicKey, now: Date.now });
    let tokenAttempts = 0;
    const okta = createOktaClient({
      orgUrl: server.origin,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8, dpop: false },
      retry: { retries: 2, maxDelayMs: 1 },
      fetch: (request, init) => {
        if (request.url.endsWith("/oauth2/v1/token") && ++tokenAttempts === 1) {
          return Promise.reject(new TypeError("fetch failed"));
        }
        return fetch(request, init);
      },
    });
    expect(await okta.jwks.list("0oa8kg3bp0aQ7nD0x5d7")).toEqual([]);
    expect([tokenAttempts, server.tokenLog.length, server.apiLog.length]).toEqual([2, 1, 1]);
  });

  test("a key the app does not have gives an OktaOAuthError without secrets in it", async () => {
    const registered = await makeTestKey("RS256");
    const other = await makeTestKey("RS256");
    server = await startOAuthServer({ clientId: CLIENT_ID, publicKey: registered.publicKey, now: Date.now });
    const okta = createOktaClient({
      orgUrl: server.origin,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: other.jwk },
    });
    const error = await okta.jwks.list("0oa8kg3bp0aQ7nD0x5d7").catch((e: unknown) => e);
    expect(isOktaOAuthError(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, error: "invalid_client" });
    const shown = [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
      inspect(okta, { depth: 5 }),
    ];
    for (const secret of [other.jwk.d as string, ...server.secrets]) {
      for (const text of shown) expect(text).not.toContain(secret);
    }
  });
});

describe("createOktaClient: when a private key is checked", () => {
  const serve = scriptedServers();
  const serveEmptyLists = () => serve(() => ({ body: [] }));

  function thrownBy(run: () => unknown): unknown {
    try {
      run();
    } catch (error) {
      return error;
    }
    return undefined;
  }

  test("refuses a key of the wrong kind when the client is created", async () => {
    const rsa = await makeTestKey("RS256");
    const cases: [unknown, string][] = [
      [42, "auth.privateKey: expected a PEM string, a private JWK or a CryptoKey"],
      ["./okta-app.key", "auth.privateKey: expected a PEM block (-----BEGIN PRIVATE KEY-----)"],
      [rsa.publicJwk, 'auth.privateKey: the JWK has no "d", so it is a public key; pass the private key'],
      [{ kty: "oct", k: "AAAA" }, 'auth.privateKey: JWK kty must be "RSA" or "EC"'],
      [rsa.publicKey, 'auth.privateKey: the CryptoKey must be a private key with the "sign" usage'],
    ];
    for (const [privateKey, message] of cases) {
      const error = thrownBy(() =>
        createOktaClient({
          orgUrl: "https://acme.okta.com",
          auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: privateKey as string },
        }),
      );
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe(message);
    }
  });

  test("rejects every call with the TypeError of a key that fails in depth, sending nothing", async () => {
    const [rsa, ec] = await Promise.all([makeTestKey("RS256"), makeTestKey("ES256")]);
    const pss = (await crypto.subtle.generateKey(
      { name: "RSA-PSS", modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1), hash: "SHA-256" },
      false,
      ["sign", "verify"],
    )) as CryptoKeyPair;
    const cases: [Partial<PrivateKeyAuth>, string][] = [
      [
        { privateKey: rsa.pkcs8.replaceAll("PRIVATE KEY", "PUBLIC KEY") },
        "auth.privateKey: the PEM is a public key; pass the private key whose public half is registered with Okta",
      ],
      [
        { privateKey: toSec1Pem(ec.pkcs8) },
        'auth.privateKey: the PEM is a SEC1 "EC PRIVATE KEY"; convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`',
      ],
      [
        { privateKey: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" },
        "auth.privateKey: the PEM holds no RSA key or EC key on P-256, P-384 or P-521",
      ],
      [
        { privateKey: ec.pkcs8, algorithm: "RS256" },
        "auth.algorithm: RS256 does not fit this EC key (it signs with ES256)",
      ],
      [
        { privateKey: { ...rsa.jwk, alg: "ES256" } },
        "auth.privateKey: the JWK's alg ES256 does not fit its RSA key",
      ],
      [{ privateKey: pss.privateKey }, "auth.privateKey: a RSA-PSS CryptoKey cannot sign client assertions"],
    ];
    for (const [change, message] of cases) {
      const server = await serveEmptyLists();
      const retries: unknown[] = [];
      const auth: PrivateKeyAuth = {
        type: "privateKey",
        clientId: CLIENT_ID,
        privateKey: rsa.pkcs8,
        ...change,
      };
      const okta = createOktaClient({
        orgUrl: server.url,
        auth,
        retry: { onRetry: (info) => retries.push(info) },
      });
      const errors = [
        await okta.jwks.list("0oa8kg3bp0aQ7nD0x5d7").catch((caught: unknown) => caught),
        await okta.secrets.list("0oa8kg3bp0aQ7nD0x5d7").catch((caught: unknown) => caught),
      ];
      expect(errors[0]).toBeInstanceOf(TypeError);
      expect((errors[0] as Error).message).toBe(message);
      expect(errors[1]).toBe(errors[0]);
      expect(inspect(errors[0])).not.toContain(String(rsa.jwk.d));
      expect(inspect(errors[0])).not.toContain(rsa.pkcs8.split("\n")[1]);
      // The standalone authenticator checks the same key on its first authorize, with the same message.
      const context = { orgUrl: server.url, fetch: (request: Request) => fetch(request) };
      const standalone = createPrivateKeyAuthenticator(auth, context);
      await expect(standalone.authorize(new Request(`${server.url}/api/v1/apps`))).rejects.toEqual(
        new TypeError(message),
      );
      expect(server.requests).toEqual([]);
      expect(retries).toEqual([]);
    }
  });

  test("rejects the first call with a TypeError when WebCrypto refuses the key, sending nothing", async () => {
    const ec = await makeTestKey("ES256");
    const server = await serveEmptyLists();
    const retries: unknown[] = [];
    const okta = createOktaClient({
      orgUrl: server.url,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: { ...ec.jwk, x: "AAAA" } },
      retry: { onRetry: (info) => retries.push(info) },
    });
    const error = await okta.jwks.list("0oa8kg3bp0aQ7nD0x5d7").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^auth\.privateKey: the key could not be imported \(\w+\)$/);
    expect(inspect(error)).not.toContain(String(ec.jwk.d));
    expect(server.requests).toEqual([]);
    expect(retries).toEqual([]);
  });
});
