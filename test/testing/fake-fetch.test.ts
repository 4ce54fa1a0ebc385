import { describe, expect, test } from "vitest";
import { createFakeOkta } from "../../src/testing/index.js";

const SECRETS = "https://fake.okta.test/api/v1/apps/0oaA/credentials/secrets";
const AUTHORIZATION = { Authorization: "SSWS 00fake-token-for-tests-only-00000000000000" };

async function oneApp() {
  return createFakeOkta({
    apps: [{ id: "0oaA", tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] }],
  });
}

describe("fake.fetch", () => {
  test("takes a URL string and an init, as fetch does", async () => {
    const fake = await oneApp();
    const body = JSON.stringify({ client_secret: "a-supplied-secret-of-some-length", status: "INACTIVE" });
    const response = await fake.fetch(SECRETS, {
      method: "POST",
      headers: { ...AUTHORIZATION, "Content-Type": "application/json" },
      body,
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { status: string }).status).toBe("INACTIVE");
    expect(fake.state("0oaA").secrets.map((secret) => secret.status)).toEqual(["ACTIVE", "INACTIVE"]);
  });

  test("takes a URL object, with or without an init", async () => {
    const fake = await oneApp();
    const response = await fake.fetch(new URL(SECRETS), { headers: AUTHORIZATION });
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBe(1);
    expect((await fake.fetch(new URL(SECRETS))).status).toBe(401);
  });

  test("takes a Request with an init that overrides it, and a Request alone", async () => {
    const fake = await oneApp();
    const request = new Request(SECRETS, { headers: AUTHORIZATION });
    const listed = await fake.fetch(request, { signal: new AbortController().signal });
    expect(listed.status).toBe(200);
    const created = await fake.fetch(new Request(SECRETS, { headers: AUTHORIZATION }), { method: "POST" });
    expect(created.status).toBe(201);
    expect((await fake.fetch(new Request(SECRETS, { headers: AUTHORIZATION }))).status).toBe(200);
  });

  test("stands in for the global fetch and refuses what fetch refuses", async () => {
    const fake = await oneApp();
    const asFetch: typeof fetch = fake.fetch;
    expect((await asFetch(SECRETS, { headers: AUTHORIZATION })).status).toBe(200);
    await expect(fake.fetch("/api/v1/apps/0oaA/credentials/secrets")).rejects.toThrow(TypeError);
  });
});
