import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { createOktaClient } from "../../src/index.js";
import { makeTestKey, type TestKey } from "../helpers/keys.js";
import { type OAuthServer, startOAuthServer } from "../helpers/oauth-server.js";
import { scriptedServers } from "../helpers/scripted-server.js";
import { attackTally } from "./attack-tally.js";

const CLIENT_ID = "0oa9svcapp1Lq8Xe0x5d";
const APP = "0oa8kg3bp0aQ7nD0x5d7";

const tally = attackTally("token refresh");
const serve = scriptedServers();
let key: TestKey;
let org: OAuthServer | undefined;

beforeAll(async () => {
  key = await makeTestKey("ES256");
});
afterEach(async () => {
  await org?.close();
  org = undefined;
});

describe("one token refresh per expiry", () => {
  test.each([false, true])(
    "20 concurrent calls that all meet a 401 after server-side expiry share one refresh (dpop: %s)",
    async (dpop) => {
      tally.attack();
      org = await startOAuthServer({ clientId: CLIENT_ID, publicKey: key.publicKey, now: Date.now });
      const okta = createOktaClient({
        orgUrl: org.origin,
        auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8, dpop },
        // The throttle would send the first request alone while it learns the budget: all 20 go at once here.
        throttle: false,
      });
      await okta.jwks.list(APP);
      org.revokeTokens();
      const results = await Promise.all(Array.from({ length: 20 }, () => okta.jwks.list(APP)));
      expect(results).toEqual(Array.from({ length: 20 }, () => []));
      const issued = org.tokenLog.filter((entry) => entry.status === 200);
      expect(issued).toHaveLength(2);
      expect(org.apiLog.filter((entry) => entry.status === 401)).toHaveLength(20);
    },
  );

  test("a late 401 for the old token does not throw away the fresh one", async () => {
    tally.attack();
    const valid = new Set<string>();
    let issued = 0;
    let releaseLate: () => void = () => {};
    const lateAnswered = new Promise<void>((resolve) => {
      releaseLate = resolve;
    });
    const server = await serve(async (request) => {
      if (request.url === "/oauth2/v1/token") {
        const token = `at.${++issued}`;
        valid.add(token);
        return { status: 200, body: { access_token: token, token_type: "Bearer", expires_in: 3600 } };
      }
      const token = (request.headers.authorization ?? "").replace("Bearer ", "");
      if (valid.has(token)) {
        // The fast call's retry, with the fresh token, has been answered: now let the slow 401 arrive.
        if (token === "at.2") setImmediate(releaseLate);
        return { status: 200, body: [] };
      }
      if (request.url.endsWith("/secrets")) await lateAnswered;
      return { status: 401, body: { errorCode: "E0000011", errorSummary: "Invalid token provided" } };
    });
    const okta = createOktaClient({
      orgUrl: server.url,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8, dpop: false },
      throttle: false,
    });
    await okta.jwks.list(APP);
    valid.clear();
    // Both go out with at.1; the key list's 401 comes back at once, the secret list's only after the refresh.
    await Promise.all([okta.jwks.list(APP), okta.secrets.list(APP)]);
    await okta.jwks.list(APP);
    expect(issued).toBe(2);
    const tokensSent = server.requests
      .filter((request) => request.url.startsWith("/api/"))
      .map((request) => `${request.url.split("/").at(-1)} ${request.headers.authorization}`);
    expect(tokensSent).toEqual([
      "jwks Bearer at.1",
      "jwks Bearer at.1",
      "secrets Bearer at.1",
      "jwks Bearer at.2",
      "secrets Bearer at.2",
      "jwks Bearer at.2",
    ]);
  });
});
