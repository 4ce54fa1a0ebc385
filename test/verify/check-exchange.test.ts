import { describe, expect, test } from "vitest";
import { checkExchange, type Exchange } from "../../src/verify/check-exchange.js";

const NOT_FOUND = {
  errorCode: "E0000007",
  errorSummary: "Not found: Resource not found: ocs1 (OAuth2ClientSecret)",
  errorLink: "E0000007",
  errorId: "oaeNotFound",
  errorCauses: [],
};

/** A `deleteOAuth2ClientSecret` answer without any header. */
function bare(status: number, body?: unknown): Exchange {
  const text = body === undefined ? "" : JSON.stringify(body);
  return {
    operationId: "deleteOAuth2ClientSecret",
    method: "DELETE",
    path: "/api/v1/apps/0oa1/credentials/secrets/ocs1",
    status,
    headers: new Headers(),
    text,
    body,
  };
}

const found = (exchange: Exchange) => checkExchange(exchange).map((d) => `${d.part} ${d.at} ${d.message}`);

describe("checkExchange", () => {
  test("requires the rate-limit and request-id headers on a 204, where a live org sends them", () => {
    expect(found(bare(204))).toEqual([
      "header X-Rate-Limit-Limit missing",
      "header X-Rate-Limit-Remaining missing",
      "header X-Rate-Limit-Reset missing",
      "header X-Okta-Request-Id missing",
    ]);
  });

  test("accepts a 404 without them: no live 401, 403, 404 or 429 shows them", () => {
    expect(found(bare(404, NOT_FOUND))).toEqual([]);
  });

  test("reports an undocumented 4xx as a deviation", () => {
    expect(found(bare(409, NOT_FOUND))).toEqual([
      "status status 409 is not documented (documented: 204, 400, 401, 403, 404, 429)",
    ]);
  });

  test("leaves a 5xx to the failed step: no deviation", () => {
    expect(found(bare(503))).toEqual([]);
  });
});
