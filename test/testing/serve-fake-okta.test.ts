import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { describe, expect, test } from "vitest";
import { createFakeOkta } from "../../src/testing/index.js";
import { type FakeOktaServer, serveFakeOkta } from "../../src/testing/node.js";

const TOKEN = "SSWS 00fake-token-for-tests-only-00000000000000";
const SECRETS = "/api/v1/apps/0oaA/credentials/secrets";

/** Sends `method` with the raw request target `target` to the server on 127.0.0.1, and reads the answer. */
function send(server: FakeOktaServer, method: string, target: string, authorization?: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const { port } = new URL(server.url);
    const headers = authorization ? { Authorization: authorization } : {};
    const outgoing = httpRequest({ host: "127.0.0.1", port, method, path: target, headers }, (incoming) => {
      let body = "";
      incoming.setEncoding("utf8");
      incoming.on("data", (chunk: string) => (body += chunk));
      incoming.on("end", () =>
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

/** Runs `use` against a served fake with one app, then stops the server. */
async function withServer(use: (server: FakeOktaServer) => Promise<void>): Promise<void> {
  const fake = await createFakeOkta({
    apps: [{ id: "0oaA", tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] }],
  });
  const server = await serveFakeOkta(fake);
  try {
    await use(server);
  } finally {
    await server.close();
  }
}

/** Expects an Okta error body and the headers of every answer of the fake. */
function expectOktaRefusal(answer: { headers: IncomingHttpHeaders; body: string }, errorCode: string): void {
  expect(answer.headers["x-okta-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  expect(answer.headers["cache-control"]).toBe("no-cache, no-store");
  expect(answer.headers["x-rate-limit-remaining"]).toMatch(/^\d+$/);
  expect(answer.headers["content-type"]).toBe("application/json");
  expect(JSON.parse(answer.body)).toMatchObject({ errorCode, errorLink: errorCode, errorCauses: [] });
}

describe("serveFakeOkta", () => {
  test("refuses what is not a fake, and ports outside 0 to 65535, before listening", async () => {
    const fake = await createFakeOkta();
    await expect(serveFakeOkta({} as never)).rejects.toThrow(
      "fake must be a fake Okta (with a fetch function)",
    );
    await expect(serveFakeOkta(fake, 65_536)).rejects.toThrow("port must be an integer from 0 to 65535");
    await expect(serveFakeOkta(fake, 1.5)).rejects.toThrow(TypeError);
  });

  test("answers over HTTP from the fake's own state", async () => {
    await withServer(async (server) => {
      const response = await fetch(`${server.url}/api/v1/apps/0oaB/credentials/jwks`, {
        headers: { Authorization: TOKEN },
      });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { errorCode: string }).errorCode).toBe("E0000007");
    });
  });

  test("answers an absolute-form target on its own origin, never the host it names", async () => {
    await withServer(async (server) => {
      const answer = await send(server, "GET", `http://other.example${SECRETS}?q=1`, TOKEN);
      expect(answer.status).toBe(200);
      const [secret] = JSON.parse(answer.body) as { _links: { deactivate: { href: string } } }[];
      expect(secret?._links.deactivate.href).toMatch(new RegExp(`^${server.url}${SECRETS}/ocs`));
      expect(answer.body).not.toContain("other.example");
    });
  });

  test("keeps an origin-form target that starts with // a path", async () => {
    await withServer(async (server) => {
      const answer = await send(server, "GET", `//other.example${SECRETS}`, TOKEN);
      expect(answer.status).toBe(404);
      expectOktaRefusal(answer, "E0000007");
    });
  });

  test("answers OPTIONS * and a target that does not parse as the fake answers any unknown path", async () => {
    await withServer(async (server) => {
      for (const [method, target] of [
        ["OPTIONS", "*"],
        ["GET", "http://other.example:99999/x"],
      ] as const) {
        const answer = await send(server, method, target, TOKEN);
        expect({ target, status: answer.status }).toEqual({ target, status: 404 });
        expectOktaRefusal(answer, "E0000007");
        const unauthenticated = await send(server, method, target);
        expect({ target, status: unauthenticated.status }).toEqual({ target, status: 401 });
        expectOktaRefusal(unauthenticated, "E0000011");
      }
    });
  });
});
