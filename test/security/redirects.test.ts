import { beforeAll, describe, expect, test } from "vitest";
import { createOktaClient, isOktaApiError, isOktaOAuthError, type OktaOAuthError } from "../../src/index.js";
import { createPrivateKeyAuthenticator } from "../../src/oauth.js";
import { withAuth } from "../../src/transport.js";
import { makeTestKey, type TestKey } from "../helpers/keys.js";
import { type ScriptedServer, scriptedServers } from "../helpers/scripted-server.js";
import { attackTally } from "./attack-tally.js";

const CLIENT_ID = "0oa9svcapp1Lq8Xe0x5d";
const APP = "0oa8kg3bp0aQ7nD0x5d7";
const TOKEN_PATH = "/oauth2/v1/token";
const STOLEN = { access_token: "at.issued-by-another-origin", token_type: "Bearer", expires_in: 3600 };

const tally = attackTally("redirects");
const serve = scriptedServers();
let key: TestKey;

beforeAll(async () => {
  key = await makeTestKey("ES256");
});

/** The other origin a redirect names: it answers everything with a token, as an attacker's server would. */
function otherOrigin(): Promise<ScriptedServer> {
  return serve(() => ({ status: 200, body: STOLEN }));
}

/** An org whose token endpoint redirects to `target` with `status`; its API answers empty lists. */
function redirectingOrg(status: number, target: ScriptedServer): Promise<ScriptedServer> {
  return serve((request) =>
    request.url === TOKEN_PATH
      ? { status, headers: { Location: `${target.url}${TOKEN_PATH}` } }
      : { status: 200, body: [] },
  );
}

async function rejectionOf(promise: Promise<unknown>): Promise<OktaOAuthError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isOktaOAuthError(error)).toBe(true);
  return error as OktaOAuthError;
}

describe("token requests never follow redirects", () => {
  test.each([
    [307, false],
    [302, false],
    [307, true],
    [308, true],
  ])("a %i from the token endpoint (dpop: %s) re-posts nothing to another origin", async (status, dpop) => {
    tally.attack();
    const other = await otherOrigin();
    const org = await redirectingOrg(status, other);
    const okta = createOktaClient({
      orgUrl: org.url,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8, dpop },
      retry: { retries: 2, maxDelayMs: 1 },
    });
    const error = await rejectionOf(okta.jwks.list(APP));
    expect(error).toMatchObject({
      status,
      error: "unexpected_redirect",
      tokenUrl: `${org.url}${TOKEN_PATH}`,
    });
    tally.expectNoStrayRequests(other.requests);
    expect(org.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${TOKEN_PATH}`]);
  });

  test.each([307, 302])(
    "createPrivateKeyAuthenticator over a plain fetch does not follow a %i from the token endpoint",
    async (status) => {
      tally.attack();
      const other = await otherOrigin();
      const org = await redirectingOrg(status, other);
      const auth = createPrivateKeyAuthenticator(
        { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8, dpop: true },
        { orgUrl: org.url, fetch: (request, init) => fetch(request, init) },
      );
      const error = await rejectionOf(auth.authorize(new Request(`${org.url}/api/v1/apps/${APP}`)));
      expect(error).toMatchObject({ status, error: "unexpected_redirect" });
      tally.expectNoStrayRequests(other.requests);
    },
  );

  test("a careless fetch that follows a 302 anyway does not make the client accept another origin's token", async () => {
    tally.attack();
    const other = await otherOrigin();
    const org = await redirectingOrg(302, other);
    const okta = createOktaClient({
      orgUrl: org.url,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8, dpop: false },
      // Rebuilds the request from its parts, so the redirect mode the client chose is lost.
      fetch: async (request, init) =>
        fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.method === "GET" ? null : await request.text(),
          ...(init?.signal ? { signal: init.signal } : {}),
        }),
      retry: false,
    });
    const error = await rejectionOf(okta.jwks.list(APP));
    expect(error).toMatchObject({ error: "unexpected_redirect" });
    // The user's fetch went there; the token it brought back was never used.
    expect(org.requests.filter((r) => r.url.startsWith("/api/"))).toEqual([]);
    expect(other.requests.map((r) => r.url)).toEqual([TOKEN_PATH]);
  });
});

describe("API requests with credentials never follow redirects", () => {
  test("a careless fetch that follows an API 302 does not make the client accept another origin's list", async () => {
    tally.attack();
    const other = await serve(() => ({ status: 200, body: [{ id: "pksFromAnotherOrigin" }] }));
    const org = await serve((request) => ({
      status: 302,
      headers: { Location: `${other.url}${request.url}` },
    }));
    const okta = createOktaClient({
      orgUrl: org.url,
      auth: { type: "apiToken", token: "00apiTokenThatStaysHome" },
      fetch: (request, init) =>
        fetch(request.url, { headers: request.headers, ...(init?.signal ? { signal: init.signal } : {}) }),
      retry: false,
    });
    const error = await okta.jwks.list(APP).catch((caught: unknown) => caught);
    expect(isOktaApiError(error)).toBe(true);
    expect(error).toMatchObject({
      errorSummary: "Redirect not followed: requests with credentials stay on the org",
    });
    // The user's fetch followed it; the token did not travel (fetch drops Authorization across origins).
    expect(other.requests.map((r) => r.headers.authorization)).toEqual([undefined]);
  });

  test("withAuth over a plain fetch sends no credential after a 307 to another origin", async () => {
    tally.attack();
    const other = await otherOrigin();
    const org = await serve((request) =>
      request.url === TOKEN_PATH
        ? { status: 200, body: { access_token: "at.genuine", token_type: "Bearer", expires_in: 3600 } }
        : { status: 307, headers: { Location: `${other.url}${request.url}` } },
    );
    const auth = createPrivateKeyAuthenticator(
      { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8, dpop: false },
      { orgUrl: org.url, fetch: (request, init) => fetch(request, init) },
    );
    const send = withAuth(auth, org.url)((request, init) => fetch(request, init));
    const response = await send(new Request(`${org.url}/api/v1/apps/${APP}/credentials/jwks`));
    expect(response.status).toBe(307);
    tally.expectNoStrayRequests(other.requests);
  });
});
