import { inspect } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { createOktaClient } from "../../src/client.js";
import { isOktaOAuthError } from "../../src/errors.js";
import { makeTestKey } from "../helpers/keys.js";
import { type OAuthServer, startOAuthServer } from "../helpers/oauth-server.js";

const CLIENT_ID = "0oa9svcapp1Lq8Xe0x5d";
let server: OAuthServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("createOktaClient with service-app auth", () => {
  test("gets a DPoP-bound token once and uses it for every call", async () => {
    const key = await makeTestKey("ES256");
    server = await startOAuthServer({
      clientId: CLIENT_ID,
      publicKey: key.publicKey,
      now: Date.now,
      requireDpop: true,
    });
    const okta = createOktaClient({
      orgUrl: server.origin,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: key.pkcs8 },
    });
    expect(await okta.jwks.list("0oa8kg3bp0aQ7nD0x5d7")).toEqual([]);
    expect(await okta.secrets.list("0oa8kg3bp0aQ7nD0x5d7")).toEqual([]);
    // "auto": the first token request has no proof, Okta demands one, every later request carries one.
    expect(server.tokenLog.map((entry) => [entry.status, entry.dpop])).toEqual([
      [400, false],
      [200, true],
    ]);
    expect(server.apiLog.map((entry) => [entry.status, entry.scheme])).toEqual([
      [200, "DPoP"],
      [200, "DPoP"],
    ]);
  });

  test("a key the app does not have gives an OktaOAuthError without secrets in it", async () => {
    const registered = await makeTestKey("RS256");
    const other = await makeTestKey("RS256");
    server = await startOAuthServer({ clientId: CLIENT_ID, publicKey: registered.publicKey, now: Date.now });
    const okta = createOktaClient({
      orgUrl: server.origin,
      auth: { type: "privateKey", clientId: CLIENT_ID, privateKey: other.jwk },
    });
    const error = await okta.jwks.list("0oa8kg3bp0aQ7nD0x5d7").catch((e: unknown) => e);
    expect(isOktaOAuthError(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, error: "invalid_client" });
    const shown = [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
      inspect(okta, { depth: 5 }),
    ];
    for (const secret of [other.jwk.d as string, ...server.secrets]) {
      for (const text of shown) expect(text).not.toContain(secret);
    }
  });
});
