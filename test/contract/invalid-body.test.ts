import { describe, expect, inject, test } from "vitest";
import { createFakeOkta } from "../../src/testing/index.js";

const APP = "0oa8kg3bp0aQ7nD0x5d7";
// What a live developer org answered to this body (Okta's Python SDK recording, 2026-01; OKTA-FACTS.md).
const BODY = { kid: "k1", status: "ACTIVE", kty: "RSA", use: "sig" };
const LIVE_CAUSE = "RSA key length in the 'jwks' is less than '2,048' bits for the given key.";

function post(base: string): Promise<Response> {
  return fetch(
    new Request(`${base}/api/v1/apps/${APP}/credentials/jwks`, {
      method: "POST",
      headers: { Authorization: "SSWS contract-test-token", "Content-Type": "application/json" },
      body: JSON.stringify(BODY),
    }),
  );
}

describe("an invalid addJwk body (an RSA key without e and n)", () => {
  test("addJwk: Prism's mock answers 400 with the RSA key-length refusal a live org gives", async () => {
    const response = await post(inject("prismUrl"));
    expect(response.status).toBe(400);
    expect(response.headers.get("sl-violations")).toContain("'e'");
    const body = (await response.json()) as { errorCode: string; errorCauses: { errorSummary: string }[] };
    expect(body.errorCode).toBe("E0000001");
    expect(body.errorCauses[0]?.errorSummary).toBe(LIVE_CAUSE);
  });

  test("addJwk: the fake Okta answers the same refusal", async () => {
    const fake = await createFakeOkta({
      apps: [{ id: APP, tokenEndpointAuthMethod: "client_secret_basic" }],
    });
    const response = await fake.fetch(
      new Request(`https://fake.okta.test/api/v1/apps/${APP}/credentials/jwks`, {
        method: "POST",
        headers: { Authorization: "SSWS contract-test-token", "Content-Type": "application/json" },
        body: JSON.stringify(BODY),
      }),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errorCauses: { errorSummary: string }[] };
    expect(body.errorCauses[0]?.errorSummary).toBe(LIVE_CAUSE);
  });
});
