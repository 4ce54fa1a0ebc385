import { createOktaClient, type OktaClient } from "../client.js";
import { generateSigningKey } from "../keys/generate-signing-key.js";
import { createFakeOkta, type FakeOkta } from "../testing/create-fake-okta.js";

/** The app the demo org is seeded with. */
export const MOCK_APP_ID = "0oa8kg3bp0aQ7nD0x5d7";

/**
 * A fake Okta holding one demo app: a `client_secret_basic` app with one client secret and one RSA signing key.
 */
export async function createDemoOrg(): Promise<FakeOkta> {
  const key = await generateSigningKey({ alg: "RS256" });
  return createFakeOkta({
    apps: [
      {
        id: MOCK_APP_ID,
        tokenEndpointAuthMethod: "client_secret_basic",
        secrets: [{}],
        jwks: [key.publicJwk],
      },
    ],
  });
}

/** A client for a fresh in-memory demo org (`--mock`); nothing is kept between commands. */
export async function createMockClient(): Promise<OktaClient> {
  const fake = await createDemoOrg();
  return createOktaClient({
    orgUrl: "https://mock.okta.test",
    auth: { type: "apiToken", token: "mock-api-token" },
    fetch: fake.fetch,
  });
}
