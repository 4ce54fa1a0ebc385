import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { type FakeOktaServer, serveFakeOkta } from "../../src/testing/node.js";
import { addSecretAndKeyApp } from "../helpers/fake-org.js";
import { scriptedServers } from "../helpers/scripted-server.js";
import { runInProcess as cli } from "./in-process.js";

const serve = scriptedServers();
const TOKEN = "00cliErrorsTestToken_never_printed";
const SECRET = {
  id: "ocsOld1",
  status: "ACTIVE",
  client_secret: "an-old-client-secret-of-forty-characters",
  secret_hash: "hash",
  created: "2025-01-01T00:00:00.000Z",
  lastUpdated: "2025-01-01T00:00:00.000Z",
};

/** An org that lists one active secret and answers the create with `status` and an Okta error body. */
function refusingCreate(status: number) {
  return serve((request) =>
    request.method === "GET"
      ? { body: [SECRET] }
      : {
          status,
          body: {
            errorCode: "E0000001",
            errorSummary: "Api validation failed: client_secret",
            errorId: "oaeErrorIdForSupport",
            errorCauses: [
              { errorSummary: "You've reached the maximum number of client secrets per client." },
            ],
          },
        },
  );
}

let fake: FakeOkta;
let fakeServer: FakeOktaServer;

beforeAll(async () => {
  fake = await createFakeOkta({ tokens: [TOKEN] });
  fakeServer = await serveFakeOkta(fake);
});

afterAll(async () => {
  await fakeServer.close();
});

describe("okta-app-credentials CLI: why a rotation failed", () => {
  test("names Okta's status, code, summary, causes and errorId after the rotation's message (exit 1)", async () => {
    const server = await refusingCreate(400);
    const env = { OKTA_CLIENT_ORGURL: server.url, OKTA_CLIENT_TOKEN: TOKEN };
    const { code, stderr } = await cli(["rotate", "secret", "0oaAPP", "--yes", "--deploy-cmd", "true"], env);
    expect(code).toBe(1);
    expect(stderr.split("\n").at(-2)).toBe(
      "error: Rotation of the client secret of app 0oaAPP failed at create-secret (new); nothing was undone: " +
        "400 E0000001 Api validation failed: client_secret " +
        "(You've reached the maximum number of client secrets per client.) errorId=oaeErrorIdForSupport",
    );
  });

  test("a 401 inside a rotation is a configuration error (exit 3)", async () => {
    const server = await refusingCreate(401);
    const env = { OKTA_CLIENT_ORGURL: server.url, OKTA_CLIENT_TOKEN: TOKEN };
    const { code, stderr } = await cli(["rotate", "secret", "0oaAPP", "--yes", "--deploy-cmd", "true"], env);
    expect(code).toBe(3);
    expect(stderr).toContain("nothing was undone: 401 E0000001");
  });

  test("names the failing deploy command's exit code, and the new secret is rolled back", async () => {
    const appId = await addSecretAndKeyApp(fake);
    const before = fake.state(appId).secrets;
    const env = { OKTA_CLIENT_ORGURL: fakeServer.url, OKTA_CLIENT_TOKEN: TOKEN };
    const { code, stderr } = await cli(["rotate", "secret", appId, "--yes", "--deploy-cmd", "exit 3"], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/failed at deploy .*; .*: --deploy-cmd failed \(exit code 3\)\n$/);
    expect(stderr).not.toContain("(see cause)");
    expect(fake.state(appId).secrets).toEqual(before);
  });
});

describe("okta-app-credentials CLI: configuration", () => {
  test("--token selects an API token even when OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey", async () => {
    const server = await serve(() => ({ body: [] }));
    const env = { OKTA_CLIENT_ORGURL: server.url, OKTA_CLIENT_AUTHORIZATIONMODE: "PrivateKey" };
    expect(await cli(["jwks", "list", "0oaAPP", "--token", TOKEN, "--json"], env)).toEqual({
      code: 0,
      stdout: "[]\n",
      stderr: "",
    });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([`SSWS ${TOKEN}`]);
  });
});
