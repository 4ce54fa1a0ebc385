import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import {
  isOktaApiError,
  isOktaConnectionError,
  isOktaError,
  isOktaOAuthError,
  isOktaTimeoutError,
} from "../../src/errors/error-guards.js";
import {
  OktaApiError,
  OktaConnectionError,
  OktaError,
  OktaOAuthError,
  OktaTimeoutError,
} from "../../src/errors/okta-errors.js";

const request = { method: "GET", url: "https://acme.okta.com/api/v1/apps/0oa1/credentials/jwks/pks123" };

function notFound(): OktaApiError {
  return new OktaApiError({
    status: 404,
    errorCode: "E0000007",
    errorSummary: "Not found: Resource not found: pks123 (JsonWebKey)",
    errorLink: "E0000007",
    errorId: "oaeB3qmV9XyT6gGx5RUm4wHnA",
    errorCauses: [],
    requestId: "aXJpc2gtcmVxdWVzdC0xMjM0NTY",
    request,
    response: new Response("{}", { status: 404, statusText: "Not Found" }),
  });
}

describe("OktaApiError", () => {
  test("formats status, code, summary, causes and target into its message", () => {
    expect(notFound().message).toBe(
      "404 E0000007 Not found: Resource not found: pks123 (JsonWebKey) (GET https://acme.okta.com/api/v1/apps/0oa1/credentials/jwks/pks123)",
    );
    const validation = new OktaApiError({
      status: 400,
      errorCode: "E0000001",
      errorSummary: "Api validation failed: JsonWebKey",
      errorCauses: ["You can't delete an active JSON Web Key.", "Second cause"],
      request: { method: "DELETE", url: "https://acme.okta.com/x" },
      response: new Response(null, { status: 400 }),
    });
    expect(validation.message).toBe(
      "400 E0000001 Api validation failed: JsonWebKey: You can't delete an active JSON Web Key.; Second cause (DELETE https://acme.okta.com/x)",
    );
  });

  test("falls back to the status text when the body had no Okta error", () => {
    const error = new OktaApiError({
      status: 502,
      errorCauses: [],
      request,
      response: new Response("<html>", { status: 502, statusText: "Bad Gateway" }),
    });
    expect(error.message).toBe(`502 Bad Gateway (GET ${request.url})`);
    expect(error.errorCode).toBeUndefined();
  });

  test("keeps its fields, and its response out of JSON and inspection", () => {
    const error = notFound();
    expect(error).toMatchObject({
      name: "OktaApiError",
      status: 404,
      errorCode: "E0000007",
      errorId: "oaeB3qmV9XyT6gGx5RUm4wHnA",
      requestId: "aXJpc2gtcmVxdWVzdC0xMjM0NTY",
      request,
    });
    expect(error.response.status).toBe(404);
    expect(Object.keys(error)).not.toContain("response");
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 404, errorCode: "E0000007" });
    expect(inspect(error)).not.toContain("Response {");
    expect(String(error)).toBe(`OktaApiError: ${error.message}`);
  });
});

describe("OktaConnectionError", () => {
  test("names the socket error under undici's bare 'fetch failed'", () => {
    const socket = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    const cause = new TypeError("fetch failed", { cause: socket });
    const error = new OktaConnectionError(request, cause);
    expect(error.message).toBe(`Could not reach Okta: fetch failed (ECONNREFUSED) (GET ${request.url})`);
    expect(error.cause).toBe(cause);
    expect(error.request).toEqual(request);
  });
});

describe("OktaTimeoutError and OktaOAuthError", () => {
  test("describe what happened", () => {
    expect(new OktaTimeoutError(request, 250).message).toBe(
      `Okta did not answer within 250 ms (GET ${request.url})`,
    );
    const oauth = new OktaOAuthError({
      status: 401,
      error: "invalid_client",
      errorDescription: "The client_assertion signature is invalid.",
      tokenUrl: "https://acme.okta.com/oauth2/v1/token",
    });
    expect(oauth.message).toBe(
      "401 invalid_client: The client_assertion signature is invalid. (POST https://acme.okta.com/oauth2/v1/token)",
    );
  });
});

describe("type guards", () => {
  test("recognise each class and nothing else", () => {
    const api = notFound();
    const connection = new OktaConnectionError(request, new Error("boom"));
    const timeout = new OktaTimeoutError(request, 1);
    const oauth = new OktaOAuthError({
      status: 400,
      error: "invalid_grant",
      tokenUrl: "https://acme.okta.com/t",
    });
    expect([api, connection, timeout, oauth].map(isOktaError)).toEqual([true, true, true, true]);
    expect([api, connection, timeout, oauth].map(isOktaApiError)).toEqual([true, false, false, false]);
    expect([api, connection, timeout, oauth].map(isOktaConnectionError)).toEqual([false, true, false, false]);
    expect([api, connection, timeout, oauth].map(isOktaTimeoutError)).toEqual([false, false, true, false]);
    expect([api, connection, timeout, oauth].map(isOktaOAuthError)).toEqual([false, false, false, true]);
    expect(isOktaError(new Error("x"))).toBe(false);
    expect(isOktaError(new OktaError("x"))).toBe(true);
    expect(isOktaApiError(null)).toBe(false);
  });

  test("work across realms, where instanceof does not", () => {
    const foreign = { name: "OktaApiError", message: "404 E0000007", status: 404 };
    expect(foreign instanceof OktaApiError).toBe(false);
    expect(isOktaApiError(foreign)).toBe(true);
    expect(isOktaError(foreign)).toBe(true);
    expect(isOktaApiError({ name: "OktaApiError" })).toBe(false);
  });
});
