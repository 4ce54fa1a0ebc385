import type { ServerResponse } from "node:http";
import { beforeAll, describe, expect, test } from "vitest";
import {
  collect,
  createOktaClient,
  isOktaApiError,
  isOktaConnectionError,
  isOktaOAuthError,
  paginate,
} from "../../src/index.js";
import { makeTestKey, type TestKey } from "../helpers/keys.js";
import { type RecordedRequest, scriptedServers } from "../helpers/scripted-server.js";
import { attackTally } from "./attack-tally.js";

const CLIENT_ID = "0oa9svcapp1Lq8Xe0x5d";
const APP = "0oa8kg3bp0aQ7nD0x5d7";
const TOKEN_PATH = "/oauth2/v1/token";
const API_TOKEN = "00echoedApiToken-kX9_q2LmZ7w3RtY8uP4sVn6";
// Opaque, not JWT-shaped: only knowing it lets the client take it out of what a server says.
const ACCESS_TOKEN = "at.opaqueAccessToken.5f0c2b9e-71d4-4b8a-9c3e";

const tally = attackTally("credential leaks");
const serve = scriptedServers();
let key: TestKey;

beforeAll(async () => {
  key = await makeTestKey("ES256");
});

/** Writes an Okta error that repeats `echo` in every field, in the reason phrase and in X-Okta-Request-Id. */
function echoEverywhere(res: ServerResponse, status: number, echo: string): undefined {
  const body = JSON.stringify({
    errorCode: `E0000011 ${echo}`,
    errorSummary: `Invalid token provided: ${echo}`,
    errorLink: `https://acme.okta.com/errors/${echo}`,
    errorId: `oae${echo}`,
    errorCauses: [{ errorSummary: `token ${echo}` }, echo],
  });
  res.writeHead(status, `Refused ${echo.replace(/[^\x21-\x7e]/g, "")}`, {
    "Content-Type": "application/json",
    "X-Okta-Request-Id": `req-${echo}`,
  });
  res.end(body);
  return undefined;
}

/** The credentials a request carried: the Authorization value without its scheme, and the DPoP proof. */
function carried(request: RecordedRequest): string {
  const authorization = request.headers.authorization ?? "";
  return [authorization.slice(authorization.indexOf(" ") + 1), request.headers.dpop ?? ""].join(" ");
}

async function caught(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("an echoing server never gets a credential into an error", () => {
  test("an API token echoed in every error field, the reason phrase and X-Okta-Request-Id", async () => {
    tally.attack();
    const server = await serve((request, res) => echoEverywhere(res, 401, carried(request)));
    const okta = createOktaClient({ orgUrl: server.url, auth: { type: "apiToken", token: API_TOKEN } });
    const error = await caught(okta.jwks.list(APP));
    expect(isOktaApiError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 401,
      errorSummary: "Invalid token provided: [redacted] ",
      errorCauses: ["token [redacted] ", "[redacted] "],
      requestId: "req-[redacted]",
    });
    tally.expectNoLeak(error, [API_TOKEN]);
  });

  test("a client secret the caller supplies, echoed the same way from the request body", async () => {
    tally.attack();
    const supplied = "my-own-Secret_0123456789-abcdef";
    const server = await serve((request, res) => {
      const { client_secret } = JSON.parse(request.body) as { client_secret: string };
      return echoEverywhere(res, 400, client_secret);
    });
    const okta = createOktaClient({ orgUrl: server.url, auth: { type: "apiToken", token: API_TOKEN } });
    const error = await caught(okta.secrets.create(APP, { client_secret: supplied }));
    expect(error).toMatchObject({
      status: 400,
      errorSummary: "Invalid token provided: [redacted]",
      errorCauses: ["token [redacted]", "[redacted]"],
      requestId: "req-[redacted]",
    });
    tally.expectNoLeak(error, [supplied]);
  });

  test("an access token from a token function, echoed the same way", async () => {
    tally.attack();
    const server = await serve((request, res) => echoEverywhere(res, 403, carried(request)));
    const okta = createOktaClient({
      orgUrl: server.url,
      auth: { type: "accessToken", token: async () => ACCESS_TOKEN },
    });
    tally.expectNoLeak(await caught(okta.secrets.list(APP)), [ACCESS_TOKEN]);
  });

  test("the client assertion and DPoP proof echoed in the token endpoint's error and error_description", async () => {
    tally.attack();
    const sent: string[] = [];
    const server = await serve((request) => {
      const assertion = new URLSearchParams(request.body).get("client_assertion") ?? "";
      const proof = request.headers.dpop ?? "";
      sent.push(assertion, proof);
      return {
        status: 401,
        body: { error: `invalid_client ${assertion}`, error_description: `proof was ${proof}; ${assertion}` },
      };
    });
    const okta = createOktaClient({
      orgUrl: server.url,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8, dpop: true },
    });
    const error = await caught(okta.jwks.list(APP));
    expect(isOktaOAuthError(error)).toBe(true);
    expect(error).toMatchObject({
      error: "invalid_client [redacted]",
      errorDescription: "proof was [redacted]; [redacted]",
    });
    expect(sent.every((secret) => secret.length > 100)).toBe(true);
    tally.expectNoLeak(error, sent);
  });

  test("an opaque access token and its DPoP proof echoed by the API", async () => {
    tally.attack();
    const sent: string[] = [];
    const server = await serve((request, res) => {
      if (request.url === TOKEN_PATH) {
        return { status: 200, body: { access_token: ACCESS_TOKEN, token_type: "DPoP", expires_in: 3600 } };
      }
      sent.push(request.headers.dpop ?? "");
      return echoEverywhere(res, 400, carried(request));
    });
    const okta = createOktaClient({
      orgUrl: server.url,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8, dpop: true },
    });
    const error = await caught(okta.jwks.delete(APP, "pks1"));
    expect(isOktaApiError(error)).toBe(true);
    expect(sent).toHaveLength(1);
    tally.expectNoLeak(error, [ACCESS_TOKEN, ...sent]);
  });

  test("an API token a server puts into a next link stays out of a later page's error", async () => {
    tally.attack();
    const server = await serve((request, res) => {
      if (request.url.includes("after=")) return echoEverywhere(res, 500, carried(request));
      const token = carried(request).trim();
      return {
        status: 200,
        headers: { Link: `</api/v1/apps/${APP}/credentials/jwks?after=${token}>; rel="next"` },
        body: [],
      };
    });
    const okta = createOktaClient({
      orgUrl: server.url,
      auth: { type: "apiToken", token: API_TOKEN },
      retry: false,
    });
    const error = await caught(
      collect(
        paginate(okta.raw, "/api/v1/apps/{appId}/credentials/jwks", { params: { path: { appId: APP } } }),
      ),
    );
    expect(isOktaApiError(error)).toBe(true);
    tally.expectNoLeak(error, [API_TOKEN]);
  });

  test("a JWT-shaped string the client never sent is redacted from what errors show all the same", async () => {
    tally.attack();
    const stranger = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzb21lb25lIGVsc2UifQ.c2lnbmF0dXJlLW9mLWFub3RoZXI";
    const server = await serve((_, res) => echoEverywhere(res, 400, stranger));
    const okta = createOktaClient({ orgUrl: server.url });
    // Not a credential of this client: the raw response kept on the error (not enumerable) may still hold it.
    tally.expectNoLeak(await caught(okta.secrets.get(APP, "ocs1")), [stranger], false);
  });
});

describe("a token that cannot be a header value is an auth error, never a connection error", () => {
  test("an access token with CR/LF from the token endpoint is an OktaOAuthError, neither retried nor shown", async () => {
    tally.attack();
    const injected = "at.secretPart\r\nX-Injected: yes";
    const server = await serve((request) =>
      request.url === TOKEN_PATH
        ? { status: 200, body: { access_token: injected, token_type: "Bearer", expires_in: 3600 } }
        : { status: 200, body: [] },
    );
    const okta = createOktaClient({
      orgUrl: server.url,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8, dpop: false },
    });
    const error = await caught(okta.jwks.list(APP));
    expect(isOktaOAuthError(error)).toBe(true);
    expect(isOktaConnectionError(error)).toBe(false);
    expect(error).toMatchObject({ status: 200, error: "invalid_token_response" });
    expect(server.requests.map((r) => r.url)).toEqual([TOKEN_PATH]);
    tally.expectNoLeak(error, ["secretPart", "X-Injected"]);
  });

  test.each([
    ["CR/LF", "at-secretValue\r\nX-Evil: 1"],
    ["a NUL", "at-secretValue\u0000"],
    ["a character beyond Latin-1", "at-secretValue-€"],
    ["a tab", "at-secretValue\tx"],
  ])("an accessToken function returning %s is a TypeError, neither retried nor wrapped", async (_, token) => {
    tally.attack();
    const server = await serve(() => ({ status: 200, body: [] }));
    let asked = 0;
    const okta = createOktaClient({
      orgUrl: server.url,
      auth: {
        type: "accessToken",
        token: () => {
          asked += 1;
          return token;
        },
      },
      retry: { retries: 3, maxDelayMs: 1 },
    });
    const error = await caught(okta.jwks.list(APP));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      "the value returned by auth.token must be printable ASCII, without spaces, line breaks or control characters",
    );
    expect(asked).toBe(1);
    tally.expectNoStrayRequests(server.requests);
    tally.expectNoLeak(error, ["secretValue"]);
  });
});
