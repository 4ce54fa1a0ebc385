import { createHash } from "node:crypto";
import { exportJWK } from "jose";
import { describe, expect, test } from "vitest";
import { OktaApiError } from "../../src/index.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { serveFakeOkta } from "../../src/testing/node.js";
import { ecJwk, fakeOrg, rsaJwk, rsaPublicKey, testClock } from "../helpers/fake-org.js";

const BASE = "https://fake.okta.test";

/** Sends one raw request to the fake and reads the answer. */
async function send(fake: FakeOkta, method: string, path: string, body?: unknown, authorization = "SSWS t") {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (authorization) headers.Authorization = authorization;
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const response = await fake.fetch(new Request(`${BASE}${path}`, init));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** The refusal an `OktaApiError` carries: status, code and first cause. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OktaApiError);
  const { status, errorCode, errorCauses } = error as OktaApiError;
  return { status, errorCode, cause: errorCauses[0] };
}

describe("createFakeOkta: authentication and routing", () => {
  test("answers 401 E0000011 without a usable Authorization header", async () => {
    const fake = await createFakeOkta({
      apps: [{ id: "0oaA", tokenEndpointAuthMethod: "client_secret_basic" }],
    });
    for (const authorization of ["", "Basic dXNlcjpwYXNz", "SSWS", "Bearer "]) {
      const answer = await send(
        fake,
        "GET",
        "/api/v1/apps/0oaA/credentials/secrets",
        undefined,
        authorization,
      );
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({
        errorCode: "E0000011",
        errorSummary: "Invalid token provided",
        errorCauses: [],
      });
    }
    for (const authorization of ["SSWS 00abc", "SSWS00abc", "Bearer eyJ.x.y", "DPoP eyJ.x.y"]) {
      expect(
        (await send(fake, "GET", "/api/v1/apps/0oaA/credentials/secrets", undefined, authorization)).status,
      ).toBe(200);
    }
  });

  test("accepts only the listed tokens when given some", async () => {
    const fake = await createFakeOkta({
      tokens: ["good"],
      apps: [{ id: "0oaA", tokenEndpointAuthMethod: "none" }],
    });
    expect(
      (await send(fake, "GET", "/api/v1/apps/0oaA/credentials/jwks", undefined, "SSWS good")).status,
    ).toBe(200);
    expect(
      (await send(fake, "GET", "/api/v1/apps/0oaA/credentials/jwks", undefined, "Bearer bad")).status,
    ).toBe(401);
  });

  test("answers 404 E0000007 for an unknown app, key or secret, naming it as Okta does", async () => {
    const { okta, appId } = await fakeOrg({ tokenEndpointAuthMethod: "client_secret_basic" });
    const app = await refusal(okta.secrets.list("0oaMissing"));
    expect(app).toMatchObject({ status: 404, errorCode: "E0000007" });
    const error = (await okta.jwks.get(appId, "pksMissing").catch((e: unknown) => e)) as OktaApiError;
    expect(error.errorSummary).toBe("Not found: Resource not found: pksMissing (JsonWebKey)");
    const secret = (await okta.secrets.delete(appId, "ocsMissing").catch((e: unknown) => e)) as OktaApiError;
    expect(secret.errorSummary).toBe(
      "Not found: Resource not found: ocsMissing (OAuth2ClientSecretMediated)",
    );
    expect((await okta.jwks.list("0oaMissing").catch((e: unknown) => e)) as OktaApiError).toMatchObject({
      errorSummary: "Not found: Resource not found: 0oaMissing (AppInstance)",
    });
  });

  test("answers 404 E0000007 naming the path for an unknown path or a method an operation does not take", async () => {
    const fake = await createFakeOkta({ apps: [{ id: "0oaA", tokenEndpointAuthMethod: "none" }] });
    const cases = [
      ["GET", "/api/v1/apps/0oaA/credentials/jwks/"],
      ["GET", "/api/v1/apps/0oaA/credentials/keys"],
      ["PUT", "/api/v1/apps/0oaA/credentials/jwks"],
      ["POST", "/api/v1/apps/0oaA/credentials/secrets/ocs1"],
      ["GET", "/api/v1/apps//credentials/secrets"],
      ["GET", "/api/v1/apps/0oaA/credentials/jwks/%E0%A4%A"],
    ];
    for (const [method, path] of cases) {
      const answer = await send(fake, method as string, path as string);
      expect({ method, path, status: answer.status, body: answer.body }).toEqual({
        method,
        path,
        status: 404,
        body: expect.objectContaining({
          errorCode: "E0000007",
          errorSummary: `Not found: Resource not found: ${path} (Endpoint)`,
        }),
      });
    }
  });

  test("percent-decodes the ids in a path", async () => {
    const fake = await createFakeOkta({ apps: [{ id: "0oa-A_1", tokenEndpointAuthMethod: "none" }] });
    const listed = await send(fake, "GET", "/api/v1/apps/%30oa-A_1/credentials/secrets");
    expect(listed.status).toBe(200);
    const missing = await send(fake, "GET", "/api/v1/apps/0oa-A_1/credentials/jwks/pks%2F%20x");
    expect(missing.body.errorSummary).toBe("Not found: Resource not found: pks/ x (JsonWebKey)");
  });

  test("sends X-Okta-Request-Id and Date on every response, errors included, and a fresh errorId per error", async () => {
    const fake = await createFakeOkta({
      now: testClock().now,
      apps: [{ id: "0oaA", tokenEndpointAuthMethod: "none" }],
    });
    const ok = await send(fake, "GET", "/api/v1/apps/0oaA/credentials/jwks");
    const missing = await send(fake, "GET", "/api/v1/apps/0oaB/credentials/jwks");
    const again = await send(fake, "GET", "/api/v1/apps/0oaB/credentials/jwks");
    for (const answer of [ok, missing, again]) {
      expect(answer.headers.get("X-Okta-Request-Id")).toMatch(/^[0-9a-f]{32}$/);
      expect(answer.headers.get("Date")).toBe("Mon, 02 Mar 2026 17:30:00 GMT");
    }
    expect(missing.body.errorId).toMatch(/^oae[A-Za-z0-9]{22}$/);
    expect(missing.body.errorId).not.toBe(again.body.errorId);
    expect(missing.body.errorLink).toBe("E0000007");
  });
});

describe("createFakeOkta: client secrets", () => {
  test("generates secrets, hashes and ids like Okta, with links that follow the status", async () => {
    const { okta, appId } = await fakeOrg({ tokenEndpointAuthMethod: "client_secret_basic" });
    const secret = await okta.secrets.create(appId);
    expect(secret.id).toMatch(/^ocs[A-Za-z0-9]{17}$/);
    expect(secret.client_secret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    const digest = createHash("sha256")
      .update(secret.client_secret)
      .digest()
      .subarray(0, 16)
      .toString("base64url");
    expect(secret.secret_hash).toBe(digest);
    expect(secret).toMatchObject({ status: "ACTIVE", created: "2026-03-02T17:30:00.000Z" });
    const url = `${BASE}/api/v1/apps/${appId}/credentials/secrets/${secret.id}`;
    expect(secret._links).toEqual({
      deactivate: { href: `${url}/lifecycle/deactivate`, hints: { allow: ["POST"] } },
    });
    const inactive = await okta.secrets.create(appId, { status: "INACTIVE" });
    expect(inactive._links).toEqual({
      activate: { href: expect.stringMatching(/\/lifecycle\/activate$/), hints: { allow: ["POST"] } },
      delete: {
        href: `${BASE}/api/v1/apps/${appId}/credentials/secrets/${inactive.id}`,
        hints: { allow: ["DELETE"] },
      },
    });
  });

  test("allows two secrets at most", async () => {
    const { okta, appId } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_post",
      secrets: [{}, {}],
    });
    expect(await refusal(okta.secrets.create(appId))).toEqual({
      status: 400,
      errorCode: "E0000001",
      cause: "You've reached the maximum number of client secrets per client.",
    });
  });

  test("checks a supplied secret's length and characters, by the app's auth method", async () => {
    const cases = [
      ["client_secret_basic", "x".repeat(13), "must be at least '14' characters long."],
      ["client_secret_basic", "x".repeat(101), "can't be more than '100' characters long."],
      ["client_secret_basic", `${"x".repeat(20)}é`, "must only contain printable ASCII"],
      ["client_secret_jwt", "x".repeat(31), "at least '32' characters long when"],
      [
        "private_key_jwt",
        "x".repeat(40),
        "can't be used when 'token_endpoint_auth_method' is 'private_key_jwt'.",
      ],
    ] as const;
    for (const [method, value, cause] of cases) {
      const { fake, appId } = await fakeOrg({ tokenEndpointAuthMethod: method });
      const answer = await send(fake, "POST", `/api/v1/apps/${appId}/credentials/secrets`, {
        client_secret: value,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errorSummary).toBe("Api validation failed: client_secret");
      expect(answer.body.errorCauses[0].errorSummary).toContain(cause);
      expect(JSON.stringify(answer.body)).not.toContain(value);
      expect(fake.state(appId).secrets).toEqual([]);
    }
    const { okta, appId } = await fakeOrg({ tokenEndpointAuthMethod: "client_secret_jwt" });
    const supplied = "Rotate-2026-03:k7#Qm2!vR9@pL4$wX8&nZ1*cT";
    expect((await okta.secrets.create(appId, { client_secret: supplied })).client_secret).toBe(supplied);
  });

  test("lets a private_key_jwt app have a generated secret but not a supplied one", async () => {
    const { okta, appId } = await fakeOrg({ tokenEndpointAuthMethod: "private_key_jwt" });
    expect(
      await refusal(
        okta.secrets.create(appId, { client_secret: "a-supplied-secret-of-40-characters-long!!" }),
      ),
    ).toMatchObject({
      status: 400,
      cause: "'client_secret' can't be used when 'token_endpoint_auth_method' is 'private_key_jwt'.",
    });
    expect((await okta.secrets.create(appId)).status).toBe("ACTIVE");
  });

  test("never deactivates the only active secret and deletes only inactive ones", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      secrets: [{}],
    });
    const [only] = fake.state(appId).secrets;
    const id = only?.id as string;
    expect((await refusal(okta.secrets.deactivate(appId, id))).cause).toBe(
      "You can't deactivate the only active client secret.",
    );
    expect((await refusal(okta.secrets.delete(appId, id))).cause).toBe(
      "You can't delete an active client secret. Deactivate the secret before deleting it.",
    );
    const second = await okta.secrets.create(appId);
    const deactivated = await okta.secrets.deactivate(appId, id);
    expect(deactivated.status).toBe("INACTIVE");
    expect((await refusal(okta.secrets.deactivate(appId, second.id))).status).toBe(400);
    await okta.secrets.delete(appId, id);
    expect((await okta.secrets.list(appId)).map((s) => s.id)).toEqual([second.id]);
  });
});

describe("createFakeOkta: JSON Web Keys", () => {
  test("stores a key with Okta's fields, the natural alg and links that follow its status", async () => {
    const { okta, appId } = await fakeOrg({ tokenEndpointAuthMethod: "private_key_jwt" });
    const { alg: _alg, ...withoutAlg } = await ecJwk("ec-1");
    const key = await okta.jwks.add(appId, { ...withoutAlg, status: "INACTIVE" });
    expect(key).toMatchObject({ kid: "ec-1", alg: "ES256", status: "INACTIVE", crv: "P-256" });
    expect(key.id).toMatch(/^pks[A-Za-z0-9]{17}$/);
    expect(Object.keys(key._links).sort()).toEqual(["activate", "delete"]);
    const active = await okta.jwks.activate(appId, key.id);
    expect(active._links.deactivate?.href).toBe(
      `${BASE}/api/v1/apps/${appId}/credentials/jwks/${key.id}/lifecycle/deactivate`,
    );
    expect(await okta.jwks.get(appId, key.id)).toEqual(active);
  });

  test("refuses keys while an existing key has no kid, and duplicate kids", async () => {
    const { okta, appId } = await fakeOrg({ tokenEndpointAuthMethod: "private_key_jwt" });
    const { kid: _kid, ...noKid } = await ecJwk("unused");
    const first = await okta.jwks.add(appId, noKid as typeof noKid & { kid?: string });
    expect(first.kid).toBeNull();
    expect((await refusal(okta.jwks.add(appId, await ecJwk("k2")))).cause).toMatch(
      /^Each key should have a unique kid/,
    );
    const { okta: other, appId: otherApp } = await fakeOrg({
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: [await ecJwk("same")],
    });
    expect((await refusal(other.jwks.add(otherApp, await ecJwk("same")))).cause).toBe(
      "All keys in the 'jwks' must have a unique `kid`.",
    );
  });

  test("measures the RSA modulus and refuses one under 2048 bits", async () => {
    const { fake, appId } = await fakeOrg({ tokenEndpointAuthMethod: "private_key_jwt" });
    const { n, e } = await exportJWK(await rsaPublicKey("short", 1024));
    const answer = await send(fake, "POST", `/api/v1/apps/${appId}/credentials/jwks`, {
      kty: "RSA",
      use: "sig",
      kid: "s",
      n,
      e,
    });
    expect(answer.body.errorCauses).toEqual([
      { errorSummary: "RSA key length in the 'jwks' is less than '2,048' bits for the given key." },
    ]);
    const long = await send(
      fake,
      "POST",
      `/api/v1/apps/${appId}/credentials/jwks`,
      await rsaJwk("long", "sig"),
    );
    expect(long.status).toBe(201);
    expect(long.body.alg).toBe("RS256");
  });

  test("allows 50 keys", async () => {
    const jwks = await Promise.all(Array.from({ length: 50 }, (_, i) => ecJwk(`k${i}`)));
    const { okta, appId } = await fakeOrg({ tokenEndpointAuthMethod: "private_key_jwt", jwks });
    expect((await refusal(okta.jwks.add(appId, await ecJwk("k50")))).cause).toMatch(
      /maximum number of keys allowed \(50\)/,
    );
  });

  test("keeps one active encryption key: adding a second active one is refused, activating one swaps", async () => {
    const enc1 = await rsaJwk("enc1", "enc");
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      jwks: [enc1],
    });
    const enc2 = await rsaJwk("enc2", "enc");
    expect((await refusal(okta.jwks.add(appId, enc2))).cause).toBe(
      "The client can have only one active encryption key in the 'jwks'.",
    );
    const added = await okta.jwks.add(appId, { ...enc2, status: "INACTIVE" });
    expect(added).toMatchObject({ use: "enc", alg: "RSA-OAEP-256", status: "INACTIVE" });
    await okta.jwks.activate(appId, added.id);
    const statuses = fake.state(appId).jwks.map((key) => [key.kid, key.status]);
    expect(statuses).toEqual([
      ["enc-enc1", "INACTIVE"],
      ["enc-enc2", "ACTIVE"],
    ]);
  });

  test("keeps the active encryption key while ID token encryption is on, not otherwise", async () => {
    const enc = await rsaJwk("enc1", "enc");
    const on = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      idTokenEncryption: true,
      jwks: [enc],
    });
    const id = on.fake.state(on.appId).jwks[0]?.id as string;
    expect((await refusal(on.okta.jwks.deactivate(on.appId, id))).cause).toBe(
      "You can't deactivate the active encryption key.",
    );
    const off = await fakeOrg({ tokenEndpointAuthMethod: "client_secret_basic", jwks: [enc] });
    const offId = off.fake.state(off.appId).jwks[0]?.id as string;
    expect((await off.okta.jwks.deactivate(off.appId, offId)).status).toBe("INACTIVE");
  });

  test("never deactivates the only active signing key of a private_key_jwt app and deletes only inactive keys", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: [await ecJwk("a")],
    });
    const id = fake.state(appId).jwks[0]?.id as string;
    expect((await refusal(okta.jwks.deactivate(appId, id))).cause).toMatch(
      /^Can't deactivate the only active JSON Web Key/,
    );
    expect((await refusal(okta.jwks.delete(appId, id))).cause).toBe(
      "You can't delete an active JSON Web Key. Deactivate the key before deleting it.",
    );
    await okta.jwks.add(appId, await ecJwk("b"));
    expect((await okta.jwks.deactivate(appId, id)).status).toBe("INACTIVE");
    await okta.jwks.delete(appId, id);
    expect(fake.state(appId).jwks.map((key) => key.kid)).toEqual(["b"]);
  });

  test("answers 400 E0000001 for bodies the spec refuses, naming members but not values", async () => {
    const { fake, appId } = await fakeOrg({ tokenEndpointAuthMethod: "private_key_jwt" });
    const path = `/api/v1/apps/${appId}/credentials/jwks`;
    const ec = await ecJwk("x");
    const bodies: [unknown, string][] = [
      ["{not json", "The request body is not valid JSON."],
      [[ec], "The request body must be a JSON object."],
      [{ ...ec, use: undefined }, "'use' must be 'sig' (RSA or EC key) or 'enc' (RSA key)"],
      [{ ...ec, use: "enc" }, "'use' must be 'sig' (RSA or EC key) or 'enc' (RSA key)"],
      [{ ...ec, d: "c2VjcmV0LXZhbHVl" }, "The key has an unexpected member 'd'."],
      [{ ...ec, id: "pks1" }, "The key has an unexpected member 'id'."],
      [{ ...ec, y: "" }, "'y' is required."],
      [{ ...ec, crv: "P-192" }, "'crv' must be P-256, P-384 or P-521."],
      [{ ...ec, alg: "ES384" }, "'alg' does not suit the key's 'use' and type."],
      [{ ...ec, status: "DELETED" }, "'status' must be ACTIVE or INACTIVE."],
    ];
    for (const [body, cause] of bodies) {
      const answer = await send(fake, "POST", path, body);
      expect(answer.status).toBe(400);
      expect(answer.body.errorCode).toBe("E0000001");
      expect(answer.body.errorCauses[0].errorSummary).toBe(cause);
      expect(JSON.stringify(answer.body)).not.toContain("c2VjcmV0LXZhbHVl");
    }
    const secrets = `/api/v1/apps/${appId}/credentials/secrets`;
    expect((await send(fake, "POST", secrets, { client_secret: 42 })).body.errorCauses[0].errorSummary).toBe(
      "'client_secret' must be a string.",
    );
    expect((await send(fake, "POST", secrets, { extra: 1 })).status).toBe(400);
    expect(fake.state(appId)).toEqual({
      id: appId,
      tokenEndpointAuthMethod: "private_key_jwt",
      idTokenEncryption: false,
      jwks: [],
      secrets: [],
    });
  });
});

describe("createFakeOkta: rate limits", () => {
  test("counts per method and path template, answers 429 E0000047 and resets with the window", async () => {
    const clock = testClock(Date.UTC(2026, 2, 2, 17, 30, 0, 400));
    const fake = await createFakeOkta({
      now: clock.now,
      rateLimit: { limit: 2, windowMs: 60_000 },
      apps: [{ id: "0oaA", tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] }],
    });
    const list = () => send(fake, "GET", "/api/v1/apps/0oaA/credentials/secrets");
    const first = await list();
    expect(first.headers.get("X-Rate-Limit-Limit")).toBe("2");
    expect(first.headers.get("X-Rate-Limit-Remaining")).toBe("1");
    // Reset is the end of the window in epoch seconds: 17:31:00.4 rounds up to 17:31:01.
    expect(first.headers.get("X-Rate-Limit-Reset")).toBe(String(Date.UTC(2026, 2, 2, 17, 31, 1) / 1000));
    expect((await list()).headers.get("X-Rate-Limit-Remaining")).toBe("0");
    const limited = await list();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      errorCode: "E0000047",
      errorSummary: "API call exceeded rate limit due to too many requests.",
    });
    expect((await send(fake, "GET", "/api/v1/apps/0oaA/credentials/jwks")).status).toBe(200);
    clock.advance(60_000);
    expect((await list()).status).toBe(200);
  });

  test("refuses a bad rateLimit option", async () => {
    await expect(createFakeOkta({ rateLimit: { limit: 0, windowMs: 1000 } })).rejects.toThrow(
      "rateLimit.limit",
    );
    await expect(createFakeOkta({ rateLimit: { limit: 1, windowMs: -1 } })).rejects.toThrow(
      "rateLimit.windowMs",
    );
  });
});

describe("createFakeOkta: seeding, state and serving", () => {
  test("seeds apps through the API's rules and names the seed that breaks one", async () => {
    await expect(
      createFakeOkta({
        apps: [{ tokenEndpointAuthMethod: "private_key_jwt", secrets: [{ client_secret: "x".repeat(40) }] }],
      }),
    ).rejects.toThrow("app.secrets[0] is refused: 'client_secret' can't be used when");
    await expect(createFakeOkta({ apps: [{ tokenEndpointAuthMethod: "magic" as "none" }] })).rejects.toThrow(
      "app.tokenEndpointAuthMethod must be one of",
    );
    const fake = await createFakeOkta({ apps: [{ id: "0oaA", tokenEndpointAuthMethod: "none" }] });
    await expect(fake.addApp({ id: "0oaA", tokenEndpointAuthMethod: "none" })).rejects.toThrow(
      "already an app",
    );
    expect(() => fake.state("0oaB")).toThrow(TypeError);
  });

  test("gives deep copies of the state", async () => {
    const { fake, appId } = await fakeOrg({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const snapshot = fake.state(appId);
    (snapshot.secrets[0] as { status: string }).status = "INACTIVE";
    snapshot.secrets.pop();
    expect(fake.state(appId).secrets).toHaveLength(1);
    expect(fake.state(appId).secrets[0]?.status).toBe("ACTIVE");
  });

  test("serves the same state on a loopback port with links on the server's own URL", async () => {
    const fake = await createFakeOkta({
      apps: [{ id: "0oaA", tokenEndpointAuthMethod: "client_secret_basic" }],
    });
    const server = await serveFakeOkta(fake);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const created = await fetch(`${server.url}/api/v1/apps/0oaA/credentials/secrets`, {
        method: "POST",
        headers: { Authorization: "SSWS t", "Content-Type": "application/json" },
        body: JSON.stringify({ status: "INACTIVE" }),
      });
      expect(created.status).toBe(201);
      expect(created.headers.get("X-Okta-Request-Id")).toBeTruthy();
      const body = (await created.json()) as { id: string; _links: { delete: { href: string } } };
      expect(body._links.delete.href).toBe(`${server.url}/api/v1/apps/0oaA/credentials/secrets/${body.id}`);
      expect(fake.state("0oaA").secrets.map((s) => s.id)).toEqual([body.id]);
      const removed = await fetch(body._links.delete.href, {
        method: "DELETE",
        headers: { Authorization: "SSWS t" },
      });
      expect(removed.status).toBe(204);
      expect(fake.state("0oaA").secrets).toEqual([]);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/api/v1/apps/0oaA/credentials/secrets`)).rejects.toThrow();
  });
});

describe("createFakeOkta: runs where fetch runs", () => {
  test("bundles for a browser; only the testing/node entry needs node:http", async () => {
    const { build } = await import("esbuild");
    const bundle = (entry: string) =>
      build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        platform: "browser",
        format: "esm",
        logLevel: "silent",
      });
    const browser = await bundle("src/testing/index.ts");
    expect(browser.outputFiles[0]?.text).toContain("E0000001");
    await expect(bundle("src/testing/node.ts")).rejects.toThrow('Could not resolve "node:http"');
  });
});
