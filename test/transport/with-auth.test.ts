import { describe, expect, test } from "vitest";
import type { Authenticator } from "../../src/auth/authenticator.js";
import { withAuth } from "../../src/transport/with-auth.js";
import { recordingFetch } from "../helpers/recording-fetch.js";

function countingAuthenticator(retryOn401: boolean): Authenticator & { issued: number } {
  const auth = {
    issued: 0,
    async authorize(request: Request) {
      const authorized = new Request(request);
      authorized.headers.set("Authorization", `Bearer token-${++auth.issued}`);
      return authorized;
    },
    async shouldRetry(_request: Request, response: Response) {
      return retryOn401 && response.status === 401;
    },
  };
  return auth;
}

describe("withAuth", () => {
  test("authorizes the request and passes the response through", async () => {
    const { fetch, requests } = recordingFetch(() => new Response("[]", { status: 200 }));
    const send = withAuth(countingAuthenticator(false), "https://acme.okta.com")(fetch);
    const response = await send(new Request("https://acme.okta.com/api/v1/apps/0oa1/credentials/jwks"));
    expect(response.status).toBe(200);
    expect(requests.map((r) => r.headers.get("Authorization"))).toEqual(["Bearer token-1"]);
  });

  test("sends the request once more, body included, when the authenticator asks", async () => {
    let status = 401;
    const { fetch, requests } = recordingFetch(() => {
      const response = new Response(null, { status });
      status = 201;
      return response;
    });
    const send = withAuth(countingAuthenticator(true), "https://acme.okta.com")(fetch);
    const response = await send(
      new Request("https://acme.okta.com/api/v1/apps/0oa1/credentials/secrets", {
        method: "POST",
        body: "{}",
      }),
    );
    expect(response.status).toBe(201);
    expect(requests.map((r) => [r.headers.get("Authorization"), r.body])).toEqual([
      ["Bearer token-1", "{}"],
      ["Bearer token-2", "{}"],
    ]);
  });

  test("asks shouldRetry about the request as sent, credentials included", async () => {
    const seen: (string | null)[] = [];
    const auth = countingAuthenticator(false);
    auth.shouldRetry = async (sent: Request) => {
      seen.push(sent.headers.get("Authorization"));
      return false;
    };
    const { fetch } = recordingFetch(() => new Response(null, { status: 401 }));
    await withAuth(auth, "https://acme.okta.com")(fetch)(new Request("https://acme.okta.com/api/v1/apps"));
    expect(seen).toEqual(["Bearer token-1"]);
  });

  test("never sends credentials to another origin", async () => {
    const { fetch, requests } = recordingFetch(() => new Response(null));
    const send = withAuth(countingAuthenticator(false), "https://acme.okta.com")(fetch);
    await expect(send(new Request("https://evil.example/api/v1/apps"))).rejects.toThrow(
      "Refusing to send credentials to https://evil.example: the client is for https://acme.okta.com",
    );
    expect(requests).toHaveLength(0);
  });

  test.each([
    ["a host that merely starts with the org's", "https://acme.okta.com.evil.example/api/v1/apps"],
    ["another port", "https://acme.okta.com:8443/api/v1/apps"],
    ["plain http", "http://acme.okta.com/api/v1/apps"],
  ])("refuses %s", async (_, url) => {
    const { fetch, requests } = recordingFetch(() => new Response(null));
    const send = withAuth(countingAuthenticator(false), "https://acme.okta.com")(fetch);
    await expect(send(new Request(url))).rejects.toThrow("Refusing to send credentials to");
    expect(requests).toHaveLength(0);
  });

  test("sends credentials to the org's own URLs, however they are spelled", async () => {
    const { fetch, requests } = recordingFetch(() => new Response(null));
    const send = withAuth(countingAuthenticator(false), "https://acme.okta.com")(fetch);
    await send(new Request("HTTPS://ACME.okta.com:443/api/v1/apps"));
    expect(requests.map((r) => r.url)).toEqual(["https://acme.okta.com/api/v1/apps"]);
  });
});
