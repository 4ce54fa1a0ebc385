import { exportJWK } from "jose";
import { describe, expect, test } from "vitest";
import { createFakeOkta, FAKE_OKTA_RULES, FAKE_RATE_LIMITS, type FakeOkta } from "../../src/testing/index.js";
import { ecJwk, rsaJwk, rsaPublicKey, testClock } from "../helpers/fake-org.js";

// What a live developer org answered (Okta's Python SDK integration recording for these endpoints, 2026-01).
const BASE = "https://fake.okta.test";
const SECRETS = "/api/v1/apps/0oaLive/credentials/secrets";
const JWKS = "/api/v1/apps/0oaLive/credentials/jwks";
const WHOLE_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/;

async function send(fake: FakeOkta, method: string, path: string, body?: unknown, authorization = "SSWS t") {
  const init: RequestInit = {
    method,
    headers: { Authorization: authorization, "Content-Type": "application/json" },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fake.fetch(new Request(`${BASE}${path}`, init));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** The headers every live answer carried, 204s and errors alike. */
function expectLiveHeaders(headers: Headers, limit: number): void {
  expect(headers.get("X-Okta-Request-Id")).toMatch(/^[0-9a-f]{32}$/);
  expect(headers.get("Cache-Control")).toBe("no-cache, no-store");
  expect(headers.get("X-Rate-Limit-Limit")).toBe(String(limit));
  expect(headers.get("X-Rate-Limit-Remaining")).toMatch(/^\d+$/);
  expect(headers.get("X-Rate-Limit-Reset")).toMatch(/^\d{10}$/);
}

async function liveFake(options: Parameters<typeof createFakeOkta>[0] = {}) {
  // 400 ms past the second, so a timestamp written with milliseconds would show them.
  const clock = testClock(Date.UTC(2026, 0, 6, 19, 51, 0, 400));
  const fake = await createFakeOkta({
    now: clock.now,
    apps: [{ id: "0oaLive", tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] }],
    ...options,
  });
  return { fake, clock };
}

describe("createFakeOkta: answers like a live org", () => {
  test("walks the recorded secret lifecycle with the live statuses, shapes, formats and headers", async () => {
    const { fake, clock } = await liveFake();
    const list = await send(fake, "GET", SECRETS);
    const created = await send(fake, "POST", SECRETS, {});
    clock.advance(1_250);
    const id = created.body.id as string;
    const got = await send(fake, "GET", `${SECRETS}/${id}`);
    const deactivated = await send(fake, "POST", `${SECRETS}/${id}/lifecycle/deactivate`);
    const activated = await send(fake, "POST", `${SECRETS}/${id}/lifecycle/activate`);
    const again = await send(fake, "POST", `${SECRETS}/${id}/lifecycle/deactivate`);
    const deleted = await send(fake, "DELETE", `${SECRETS}/${id}`);
    const answers = [list, created, got, deactivated, activated, again, deleted];
    expect(answers.map((answer) => answer.status)).toEqual([200, 201, 200, 200, 200, 200, 204]);
    for (const answer of answers) expectLiveHeaders(answer.headers, FAKE_RATE_LIMITS.generous.limit);
    expect(deleted.body).toBeUndefined();
    expect(Array.isArray(list.body)).toBe(true);
    expect(created.body.client_secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(created.body.secret_hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.body.id).toMatch(/^ocs[A-Za-z0-9]{17}$/);
    expect(created.body).toMatchObject({
      created: "2026-01-06T19:51:00.000Z",
      lastUpdated: "2026-01-06T19:51:00.000Z",
    });
    expect(deactivated.body.lastUpdated).toBe("2026-01-06T19:51:01.000Z");
    for (const answer of [created, got, deactivated, activated, again]) {
      expect(answer.body.created).toMatch(WHOLE_SECONDS);
      expect(answer.body.lastUpdated).toMatch(WHOLE_SECONDS);
    }
    expect(Object.keys(deactivated.body._links).sort()).toEqual(["activate", "delete"]);
    expect(activated.body._links).toEqual({
      deactivate: { href: `${BASE}${SECRETS}/${id}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
    });
  });

  test("refuses a key without key material for its RSA length, as the live org did", async () => {
    const { fake } = await liveFake();
    const answer = await send(fake, "POST", JWKS, {
      kid: "no-material",
      status: "ACTIVE",
      kty: "RSA",
      use: "sig",
    });
    expect(answer.status).toBe(400);
    expectLiveHeaders(answer.headers, FAKE_RATE_LIMITS.generous.limit);
    expect(answer.body).toMatchObject({
      errorCode: "E0000001",
      errorSummary: "Api validation failed: JsonWebKey",
      errorCauses: [{ errorSummary: FAKE_OKTA_RULES.jwkRsaKeyTooShort[1] }],
    });
    expect(answer.body.errorCauses[0].errorSummary).toBe(
      "RSA key length in the 'jwks' is less than '2,048' bits for the given key.",
    );
  });

  test("checks the key itself before its place in the key set", async () => {
    const { fake } = await liveFake({
      apps: [{ id: "0oaLive", tokenEndpointAuthMethod: "private_key_jwt", jwks: [await ecJwk("taken")] }],
    });
    const { n, e } = await exportJWK(await rsaPublicKey("short-1024", 1024));
    const short = await send(fake, "POST", JWKS, { kty: "RSA", use: "sig", kid: "taken", n, e });
    expect(short.body.errorCauses[0].errorSummary).toBe(FAKE_OKTA_RULES.jwkRsaKeyTooShort[1]);
    const long = await send(fake, "POST", JWKS, { ...(await rsaJwk("long", "sig")), kid: "taken" });
    expect(long.body.errorCauses[0].errorSummary).toBe(FAKE_OKTA_RULES.jwkDuplicateKid[1]);
  });

  test("accepts SSWS<token> without a space, as Okta's Python SDK sends it", async () => {
    const { fake } = await liveFake({ tokens: ["00good"] });
    expect((await send(fake, "GET", SECRETS, undefined, "SSWS00good")).status).toBe(200);
    expect((await send(fake, "GET", SECRETS, undefined, "SSWS 00good")).status).toBe(200);
    const refused = await send(fake, "GET", SECRETS, undefined, "SSWS00bad");
    expect(refused.status).toBe(401);
    expectLiveHeaders(refused.headers, FAKE_RATE_LIMITS.generous.limit);
  });

  test("rate-limits by default with a generous budget, headers on 404s too", async () => {
    const { fake } = await liveFake();
    const first = await send(fake, "GET", SECRETS);
    expect(first.headers.get("X-Rate-Limit-Remaining")).toBe(String(FAKE_RATE_LIMITS.generous.limit - 1));
    expect(first.headers.get("X-Rate-Limit-Reset")).toBe(String(Date.UTC(2026, 0, 6, 19, 52, 1) / 1000));
    expectLiveHeaders((await send(fake, "GET", "/api/v1/apps/0oaNone/credentials/jwks")).headers, 10_000);
  });

  test("reproduces a developer org's figure with FAKE_RATE_LIMITS.developerOrg: 10 a minute per endpoint", async () => {
    const { fake, clock } = await liveFake({ rateLimit: FAKE_RATE_LIMITS.developerOrg });
    const answers = [];
    for (let i = 0; i < 11; i += 1) answers.push(await send(fake, "GET", SECRETS));
    expect(answers.map((answer) => answer.status)).toEqual([...Array(10).fill(200), 429]);
    expect(answers.map((answer) => answer.headers.get("X-Rate-Limit-Remaining"))).toEqual([
      "9",
      "8",
      "7",
      "6",
      "5",
      "4",
      "3",
      "2",
      "1",
      "0",
      "0",
    ]);
    expectLiveHeaders(answers[10]?.headers as Headers, 10);
    expect(answers[10]?.body.errorCode).toBe("E0000047");
    clock.advance(60_000);
    expect((await send(fake, "GET", SECRETS)).status).toBe(200);
  });
});
