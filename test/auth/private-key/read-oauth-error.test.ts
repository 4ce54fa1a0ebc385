import { describe, expect, test } from "vitest";
import { readOAuthError } from "../../../src/auth/private-key/read-oauth-error.js";
import { OktaOAuthError } from "../../../src/errors/okta-errors.js";

const TOKEN_URL = "https://acme.okta.com/oauth2/v1/token";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

describe("readOAuthError", () => {
  test("reads error and error_description", async () => {
    const error = await readOAuthError(
      json(401, { error: "invalid_client", error_description: "Bad key." }),
      TOKEN_URL,
    );
    expect(error).toBeInstanceOf(OktaOAuthError);
    expect(error).toMatchObject({
      status: 401,
      error: "invalid_client",
      errorDescription: "Bad key.",
      tokenUrl: TOKEN_URL,
    });
    expect(error.message).toBe(`401 invalid_client: Bad key. (POST ${TOKEN_URL})`);
  });

  test("redacts anything shaped like a JWT and shortens long descriptions", async () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwb2EifQ.c2lnbmF0dXJl";
    const error = await readOAuthError(
      json(400, { error: "invalid_grant", error_description: `echo ${jwt}` }),
      TOKEN_URL,
    );
    expect(error.errorDescription).toBe("echo [redacted]");
    const long = await readOAuthError(
      json(400, { error: "x", error_description: "a".repeat(1000) }),
      TOKEN_URL,
    );
    expect(long.errorDescription).toHaveLength(301);
  });

  test("describes a body that is not an OAuth error without quoting it", async () => {
    const html = new Response("<p>secret-ish</p>", {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8" },
    });
    const error = await readOAuthError(html, TOKEN_URL);
    expect(error).toMatchObject({ status: 503, error: "unexpected_response" });
    expect(error.errorDescription).toBe("the token endpoint answered 503 with text/html, not an OAuth error");
    const empty = await readOAuthError(new Response(null, { status: 500 }), TOKEN_URL);
    expect(empty.errorDescription).toBe(
      "the token endpoint answered 500 with no content type, not an OAuth error",
    );
    expect((await readOAuthError(json(400, ["error"]), TOKEN_URL)).error).toBe("unexpected_response");
  });
});
