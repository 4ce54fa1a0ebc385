import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { createOktaClient } from "../src/client.js";
import { OktaApiError, OktaConnectionError, OktaError } from "../src/errors/okta-errors.js";
import { VERSION } from "../src/version.js";
import { json, recordingFetch } from "./helpers/recording-fetch.js";

const ORG = "https://acme.okta.com";
const TOKEN = "00SuperSecretApiToken_do_not_log";
const APP = "0oa8kg3bp0aQ7nD0x5d7";
const BASE = `${ORG}/api/v1/apps/${APP}/credentials`;

const ecKey = {
  id: "pks2f4zrZbs8nUa7p0g4",
  kid: "ec-2026",
  status: "ACTIVE",
  kty: "EC",
  use: "sig",
  alg: "ES256",
  crv: "P-256",
  x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
  y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
  created: "2026-01-02T03:04:05.000Z",
  lastUpdated: "2026-01-02T03:04:05.000Z",
  _links: {},
};
const secret = {
  id: "ocs2f4zrZbs8nUa7p0g4",
  client_secret: "Zx8vQ2mN4pL6rT0yW3aS5dF7gH9jK1lC3vB5nM7q",
  secret_hash: "yk4SVx4sUWVJVbHt6M-UPA",
  status: "ACTIVE",
  created: "2026-01-02T03:04:05.000Z",
  lastUpdated: "2026-01-02T03:04:05.000Z",
  _links: {},
};

function client(respond: (request: Request) => Response | Promise<Response>, userAgent?: string) {
  const recorder = recordingFetch(respond);
  const okta = createOktaClient({
    orgUrl: ORG,
    auth: { type: "apiToken", token: TOKEN },
    fetch: recorder.fetch,
    ...(userAgent ? { userAgent } : {}),
  });
  return { okta, requests: recorder.requests };
}

describe("createOktaClient: the twelve operations", () => {
  test.each([
    ["jwks.list", "GET", `${BASE}/jwks`, (o: ReturnType<typeof client>["okta"]) => o.jwks.list(APP), [ecKey]],
    [
      "jwks.get",
      "GET",
      `${BASE}/jwks/pks1`,
      (o: ReturnType<typeof client>["okta"]) => o.jwks.get(APP, "pks1"),
      ecKey,
    ],
    [
      "jwks.activate",
      "POST",
      `${BASE}/jwks/pks1/lifecycle/activate`,
      (o: ReturnType<typeof client>["okta"]) => o.jwks.activate(APP, "pks1"),
      ecKey,
    ],
    [
      "jwks.deactivate",
      "POST",
      `${BASE}/jwks/pks1/lifecycle/deactivate`,
      (o: ReturnType<typeof client>["okta"]) => o.jwks.deactivate(APP, "pks1"),
      ecKey,
    ],
    [
      "secrets.list",
      "GET",
      `${BASE}/secrets`,
      (o: ReturnType<typeof client>["okta"]) => o.secrets.list(APP),
      [secret],
    ],
    [
      "secrets.get",
      "GET",
      `${BASE}/secrets/ocs1`,
      (o: ReturnType<typeof client>["okta"]) => o.secrets.get(APP, "ocs1"),
      secret,
    ],
    [
      "secrets.activate",
      "POST",
      `${BASE}/secrets/ocs1/lifecycle/activate`,
      (o: ReturnType<typeof client>["okta"]) => o.secrets.activate(APP, "ocs1"),
      secret,
    ],
    [
      "secrets.deactivate",
      "POST",
      `${BASE}/secrets/ocs1/lifecycle/deactivate`,
      (o: ReturnType<typeof client>["okta"]) => o.secrets.deactivate(APP, "ocs1"),
      secret,
    ],
  ] as const)("%s sends %s %s and returns the body", async (_name, method, url, run, body) => {
    const { okta, requests } = client(() => json(body));
    expect(await run(okta)).toEqual(body);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method, url, body: "" });
    expect(requests[0]?.headers.get("Authorization")).toBe(`SSWS ${TOKEN}`);
    expect(requests[0]?.headers.get("Accept")).toBe("application/json");
  });

  test("jwks.add posts the key as JSON and returns the created key", async () => {
    const { okta, requests } = client(() => json(ecKey, { status: 201 }));
    const { id: _id, created: _c, lastUpdated: _l, _links, ...newKey } = ecKey;
    expect(await okta.jwks.add(APP, newKey as Parameters<typeof okta.jwks.add>[1])).toEqual(ecKey);
    expect(requests[0]).toMatchObject({ method: "POST", url: `${BASE}/jwks` });
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual(newKey);
    expect(requests[0]?.headers.get("Content-Type")).toBe("application/json");
  });

  test("secrets.create sends no body without arguments, and the given body otherwise", async () => {
    const { okta, requests } = client(() => json(secret, { status: 201 }));
    expect(await okta.secrets.create(APP)).toEqual(secret);
    expect(await okta.secrets.create(APP, { status: "INACTIVE" })).toEqual(secret);
    expect(requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ["POST", `${BASE}/secrets`, ""],
      ["POST", `${BASE}/secrets`, '{"status":"INACTIVE"}'],
    ]);
  });

  test("the two deletes send DELETE and resolve to undefined on 204", async () => {
    const { okta, requests } = client(() => new Response(null, { status: 204 }));
    expect(await okta.jwks.delete(APP, "pks1")).toBeUndefined();
    expect(await okta.secrets.delete(APP, "ocs1")).toBeUndefined();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `DELETE ${BASE}/jwks/pks1`,
      `DELETE ${BASE}/secrets/ocs1`,
    ]);
  });

  test("jwks.list accepts each shape Okta has been seen to answer with", async () => {
    for (const body of [[ecKey], { keys: [ecKey] }, { jwks: { keys: [ecKey] } }]) {
      const { okta } = client(() => json(body));
      expect(await okta.jwks.list(APP)).toEqual([ecKey]);
    }
  });

  test("percent-encodes path ids", async () => {
    const { okta, requests } = client(() => json(ecKey));
    await okta.jwks.get("0oaé", "pks:1");
    expect(requests[0]?.url).toBe(`${ORG}/api/v1/apps/0oa%C3%A9/credentials/jwks/pks%3A1`);
  });
});

describe("createOktaClient: raw", () => {
  test("hands openapi-fetch readable bodies, for results and for errors", async () => {
    const { okta } = client((request) =>
      request.method === "GET" ? json([ecKey]) : json({ errorCode: "E0000001" }, { status: 400 }),
    );
    const path = { params: { path: { appId: APP } } };
    const list = await okta.raw.GET("/api/v1/apps/{appId}/credentials/jwks", path);
    expect(list.data).toEqual([ecKey]);
    const failed = await okta.raw.POST("/api/v1/apps/{appId}/credentials/secrets", path);
    expect(failed.error).toEqual({ errorCode: "E0000001" });
  });

  test("hands the body whole to a caller that reads it as a stream", async () => {
    const { okta } = client(() => json([ecKey]));
    const { data } = await okta.raw.GET("/api/v1/apps/{appId}/credentials/jwks", {
      params: { path: { appId: APP } },
      parseAs: "stream",
    });
    expect(JSON.parse(await new Response(data).text())).toEqual([ecKey]);
  });
});

describe("createOktaClient: headers", () => {
  test("sends its own User-Agent after the caller's product token", async () => {
    const { okta, requests } = client(() => json([]), "rotator/2.1");
    await okta.secrets.list(APP);
    expect(requests[0]?.headers.get("User-Agent")).toMatch(
      new RegExp(`^rotator/2\\.1 okta-app-credentials/${VERSION}`),
    );
  });

  test("sends a Bearer token for access-token auth, asking a token function each time", async () => {
    const recorder = recordingFetch(() => json([]));
    let n = 0;
    const okta = createOktaClient({
      orgUrl: ORG,
      auth: { type: "accessToken", token: () => `at-${++n}` },
      fetch: recorder.fetch,
    });
    await okta.jwks.list(APP);
    await okta.jwks.list(APP);
    expect(recorder.requests.map((r) => r.headers.get("Authorization"))).toEqual([
      "Bearer at-1",
      "Bearer at-2",
    ]);
  });

  test("a token function that throws fails the call once, as an OktaError with its error as cause", async () => {
    const recorder = recordingFetch(() => json([]));
    const bug = new TypeError("Cannot read properties of undefined (reading 'token')");
    let asked = 0;
    const okta = createOktaClient({
      orgUrl: ORG,
      auth: {
        type: "accessToken",
        token: () => {
          asked += 1;
          throw bug;
        },
      },
      fetch: recorder.fetch,
      retry: { retries: 3, maxDelayMs: 1 },
    });
    const error = await okta.jwks.list(APP).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OktaError);
    expect(error).not.toBeInstanceOf(OktaConnectionError);
    expect((error as Error).message).toBe(
      "The auth.token function threw instead of returning a token (see cause)",
    );
    expect((error as Error).cause).toBe(bug);
    expect([asked, recorder.requests.length]).toEqual([1, 0]);
  });

  test("sends no Authorization header without auth", async () => {
    const recorder = recordingFetch(() => json([]));
    await createOktaClient({ orgUrl: ORG, fetch: recorder.fetch }).jwks.list(APP);
    expect(recorder.requests[0]?.headers.has("Authorization")).toBe(false);
  });
});

describe("createOktaClient: errors", () => {
  test("turns an Okta 404 into an OktaApiError with every field", async () => {
    const { okta } = client(() =>
      json(
        {
          errorCode: "E0000007",
          errorSummary: "Not found: Resource not found: pks404 (JsonWebKey)",
          errorLink: "E0000007",
          errorId: "oaeX1",
          errorCauses: [],
        },
        { status: 404, headers: { "X-Okta-Request-Id": "reqid-404" } },
      ),
    );
    const error = await okta.jwks.get(APP, "pks404").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({
      status: 404,
      errorCode: "E0000007",
      errorId: "oaeX1",
      requestId: "reqid-404",
      request: { method: "GET", url: `${BASE}/jwks/pks404` },
      message: `404 E0000007 Not found: Resource not found: pks404 (JsonWebKey) (GET ${BASE}/jwks/pks404)`,
    });
  });

  test("turns an empty 500 and a non-JSON 502 into OktaApiErrors", async () => {
    const empty = await client(() => new Response(null, { status: 500, statusText: "Internal Server Error" }))
      .okta.secrets.list(APP)
      .catch((e: unknown) => e);
    expect(empty).toMatchObject({
      status: 500,
      errorCode: undefined,
      message: `500 Internal Server Error (GET ${BASE}/secrets)`,
    });
    const html = await client(
      () => new Response("<h1>Bad gateway</h1>", { status: 502, statusText: "Bad Gateway" }),
    )
      .okta.secrets.list(APP)
      .catch((e: unknown) => e);
    expect(html).toMatchObject({ status: 502, message: `502 Bad Gateway (GET ${BASE}/secrets)` });
  });

  test("turns a 2xx whose body is not JSON into an OktaError naming the call, not the body", async () => {
    const error = await client(() => new Response("<html>secret-looking page</html>", { status: 200 }))
      .okta.secrets.get(APP, "ocs1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaError);
    expect((error as Error).message).toBe(`Okta's answer to GET ${BASE}/secrets/ocs1 is not JSON`);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  test("turns a failed fetch into an OktaConnectionError with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const error = await client(() => Promise.reject(cause))
      .okta.jwks.list(APP)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaConnectionError);
    expect((error as OktaConnectionError).cause).toBe(cause);
    expect((error as Error).message).toBe(`Could not reach Okta: fetch failed (GET ${BASE}/jwks)`);
  });

  test("rejects with the signal's reason when the caller aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("rotation cancelled");
    const { okta } = client(
      (request) =>
        new Promise<Response>((_, reject) => {
          request.signal.addEventListener("abort", () => reject(request.signal.reason));
          controller.abort(reason);
        }),
    );
    await expect(okta.jwks.list(APP, { signal: controller.signal })).rejects.toBe(reason);
  });
});

describe("createOktaClient: validation before any request", () => {
  test.each([
    [
      "an empty appId",
      (o: ReturnType<typeof client>["okta"]) => o.jwks.list(""),
      "appId must be a non-empty string",
    ],
    [
      "a keyId with a slash",
      (o: ReturnType<typeof client>["okta"]) => o.jwks.get(APP, "pks1/../x"),
      /keyId must not contain/,
    ],
    [
      "a missing secretId",
      (o: ReturnType<typeof client>["okta"]) => o.secrets.delete(APP, undefined as unknown as string),
      "secretId must be a non-empty string",
    ],
    [
      "a private JWK",
      (o: ReturnType<typeof client>["okta"]) => o.jwks.add(APP, { ...ecKey, d: "secret" } as never),
      /private key material \(d\)/,
    ],
    [
      "a short secret",
      (o: ReturnType<typeof client>["okta"]) => o.secrets.create(APP, { client_secret: "short" }),
      /14 to 100 characters/,
    ],
    [
      "a bad signal",
      (o: ReturnType<typeof client>["okta"]) => o.jwks.list(APP, { signal: "stop" as never }),
      "options.signal must be an AbortSignal",
    ],
  ] as const)("refuses %s", async (_name, run, message) => {
    const { okta, requests } = client(() => json([]));
    await expect(run(okta)).rejects.toThrow(message);
    await expect(run(okta)).rejects.toBeInstanceOf(TypeError);
    expect(requests).toHaveLength(0);
  });

  test("checks options when the client is created", () => {
    expect(() => createOktaClient({ orgUrl: "https://acme-admin.okta.com" })).toThrow(/admin console/);
    expect(() => createOktaClient({ orgUrl: ORG, auth: { type: "apiToken", token: "" } })).toThrow(
      "auth.token must be a non-empty string",
    );
    expect(() => createOktaClient({ orgUrl: ORG, auth: { type: "password" } as never })).toThrow(
      'auth.type must be "apiToken", "accessToken" or "privateKey"; got "password"',
    );
    expect(() => createOktaClient({ orgUrl: ORG, fetch: "fetch" as never })).toThrow(
      "fetch must be a function",
    );
    expect(() => createOktaClient({ orgUrl: ORG, userAgent: "bad\nagent" })).toThrow(
      /userAgent prefix must be/,
    );
    expect(() => createOktaClient(undefined as never)).toThrow(
      "options must be an object such as { orgUrl, auth }",
    );
  });
});

describe("createOktaClient: secrets stay secret", () => {
  test("the token appears in no error and not in the inspected client", async () => {
    const { okta } = client(() =>
      json({ errorCode: "E0000011", errorSummary: "Invalid token provided" }, { status: 401 }),
    );
    const error = await okta.jwks.list(APP).catch((e: unknown) => e);
    for (const text of [
      String(error),
      (error as Error).message,
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
    ]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(inspect(okta, { depth: 10, showHidden: true })).not.toContain(TOKEN);
    expect(JSON.stringify(okta)).not.toContain(TOKEN);
  });
});
