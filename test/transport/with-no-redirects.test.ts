import { afterEach, describe, expect, test } from "vitest";
import type { FetchLike } from "../../src/transport/fetch-like.js";
import { withNoRedirects } from "../../src/transport/with-no-redirects.js";
import { type ScriptedServer, startScriptedServer } from "../helpers/scripted-server.js";

const realFetch: FetchLike = (request) => fetch(request);

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe("withNoRedirects", () => {
  test.each([301, 302, 307, 308])(
    "returns a %i as a response and never contacts the Location",
    async (status) => {
      const elsewhere = await startScriptedServer([{ status: 200, body: "stolen" }]);
      servers.push(elsewhere);
      const okta = await startScriptedServer([{ status, headers: { Location: `${elsewhere.url}/collect` } }]);
      servers.push(okta);
      const request = new Request(`${okta.url}/api/v1/apps/0oa1/credentials/jwks`, {
        headers: { Authorization: "SSWS test-token" },
      });
      const response = await withNoRedirects(realFetch)(request);
      expect(response.status).toBe(status);
      expect(response.headers.get("Location")).toBe(`${elsewhere.url}/collect`);
      expect(okta.requests).toHaveLength(1);
      expect(elsewhere.requests).toHaveLength(0);
    },
  );

  test("would follow the redirect without the layer (the test can tell the difference)", async () => {
    const elsewhere = await startScriptedServer([{ status: 200, body: "followed" }]);
    servers.push(elsewhere);
    const okta = await startScriptedServer([
      { status: 302, headers: { Location: `${elsewhere.url}/collect` } },
    ]);
    servers.push(okta);
    const response = await realFetch(new Request(`${okta.url}/x`));
    expect(await response.text()).toBe("followed");
    expect(elsewhere.requests).toHaveLength(1);
  });

  test("keeps method, headers and body", async () => {
    const okta = await startScriptedServer([{ status: 201, body: {} }]);
    servers.push(okta);
    const request = new Request(`${okta.url}/s`, {
      method: "POST",
      body: '{"a":1}',
      headers: { "X-Test": "1" },
    });
    await withNoRedirects(realFetch)(request);
    expect(okta.requests[0]).toMatchObject({ method: "POST", body: '{"a":1}', headers: { "x-test": "1" } });
  });
});
