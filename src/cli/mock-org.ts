import { createOktaClient, type OktaClient } from "../client.js";
import { generateSigningKey } from "../generate-signing-key.js";
import { createFakeOkta } from "../testing/create-fake-okta.js";

/** The app the `--mock` org is seeded with. */
export const MOCK_APP_ID = "0oa8kg3bp0aQ7nD0x5d7";

/**
 * A client for an in-memory fake Okta holding one demo app (a `client_secret_basic` app with one secret and one
 * EC signing key). Each run starts afresh: nothing is kept between commands.
 */
export async function createMockClient(): Promise<OktaClient> {
  const key = await generateSigningKey({ alg: "ES256" });
  const fake = await createFakeOkta({
    apps: [
      {
        id: MOCK_APP_ID,
        tokenEndpointAuthMethod: "client_secret_basic",
        secrets: [{}],
        jwks: [key.publicJwk],
      },
    ],
  });
  return createOktaClient({
    orgUrl: "https://mock.okta.test",
    auth: { type: "apiToken", token: "mock-api-token" },
    fetch: fake.fetch,
  });
}
