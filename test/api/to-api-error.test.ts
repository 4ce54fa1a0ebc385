import { describe, expect, test } from "vitest";
import { readErrorBody, toApiError } from "../../src/api/to-api-error.js";

const target = { method: "POST", url: "https://acme.okta.com/api/v1/apps/0oa1/credentials/secrets" };

describe("toApiError", () => {
  test("reads Okta's error body, its causes and the request id", () => {
    const response = new Response(null, { status: 400, headers: { "X-Okta-Request-Id": "req-42" } });
    const error = toApiError(target, response, {
      errorCode: "E0000001",
      errorSummary: "Api validation failed: OAuth2ClientSecretMediated",
      errorLink: "E0000001",
      errorId: "oaeQPivGUjND5v78vbYWW12",
      errorCauses: [{ errorSummary: "You've reached the maximum number of client secrets per client." }],
    });
    expect(error).toMatchObject({
      status: 400,
      errorCode: "E0000001",
      errorSummary: "Api validation failed: OAuth2ClientSecretMediated",
      errorId: "oaeQPivGUjND5v78vbYWW12",
      errorCauses: ["You've reached the maximum number of client secrets per client."],
      requestId: "req-42",
      request: target,
    });
    expect(error.response).toBe(response);
  });

  test("copes with empty, text and foreign JSON bodies", () => {
    const empty = toApiError(
      target,
      new Response(null, { status: 503, statusText: "Service Unavailable" }),
      undefined,
    );
    expect(empty.message).toBe(`503 Service Unavailable (POST ${target.url})`);
    expect(empty.errorCauses).toEqual([]);
    expect(empty.requestId).toBeUndefined();
    const html = toApiError(
      target,
      new Response(null, { status: 502, statusText: "Bad Gateway" }),
      "<html>oops</html>",
    );
    expect(html.errorSummary).toBeUndefined();
    expect(html.status).toBe(502);
  });
});

describe("readErrorBody", () => {
  test("keeps only values of the right type", () => {
    expect(
      readErrorBody({ errorCode: 7, errorSummary: "", errorCauses: [{ errorSummary: 1 }, "plain", null] }),
    ).toEqual({
      errorCode: undefined,
      errorSummary: undefined,
      errorLink: undefined,
      errorId: undefined,
      errorCauses: ["plain"],
    });
    expect(readErrorBody(null)).toEqual({ errorCauses: [] });
  });
});
