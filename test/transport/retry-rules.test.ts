import { describe, expect, test } from "vitest";
import { markOptionError } from "../../src/auth/option-error.js";
import { OktaConnectionError, OktaOAuthError, OktaTimeoutError } from "../../src/errors/okta-errors.js";
import {
  errorReason,
  failedBeforeSending,
  isRetryableStatus,
  mayRetry,
} from "../../src/transport/retry-rules.js";

const BASE = "https://acme.okta.com/api/v1/apps/0oa1/credentials";

/** Each of the twelve operations, and whether it is safe to send twice. */
const OPERATIONS: ReadonlyArray<readonly [method: string, path: string, repeatable: boolean]> = [
  ["GET", "/jwks", true],
  ["POST", "/jwks", false],
  ["GET", "/jwks/pks1", true],
  ["DELETE", "/jwks/pks1", true],
  ["POST", "/jwks/pks1/lifecycle/activate", true],
  ["POST", "/jwks/pks1/lifecycle/deactivate", true],
  ["GET", "/secrets", true],
  ["POST", "/secrets", false],
  ["GET", "/secrets/ocs1", true],
  ["DELETE", "/secrets/ocs1", true],
  ["POST", "/secrets/ocs1/lifecycle/activate", true],
  ["POST", "/secrets/ocs1/lifecycle/deactivate", true],
];

describe("mayRetry", () => {
  test.each(OPERATIONS)(
    "%s %s: 429 always, 5xx/network/timeout only when repeatable",
    (method, path, repeatable) => {
      const request = new Request(`${BASE}${path}`, { method });
      expect(mayRetry(request, 429)).toBe(true);
      for (const reason of [500, 502, 503, 504, "network", "timeout"] as const) {
        expect(mayRetry(request, reason)).toBe(repeatable);
      }
      for (const status of [400, 401, 403, 404, 409, 501]) {
        expect(mayRetry(request, status)).toBe(false);
      }
    },
  );
});

describe("isRetryableStatus", () => {
  test("names 429 and the transient 5xx only", () => {
    const statuses = [200, 302, 400, 401, 403, 404, 429, 500, 501, 502, 503, 504, 505];
    expect(statuses.filter(isRetryableStatus)).toEqual([429, 500, 502, 503, 504]);
  });
});

describe("errorReason", () => {
  test("tells network errors and timeouts from everything else", () => {
    expect(errorReason(new TypeError("fetch failed"))).toBe("network");
    expect(errorReason(new OktaTimeoutError({ method: "GET", url: BASE }, 5))).toBe("timeout");
    expect(errorReason(new Error("bug"))).toBeUndefined();
    expect(errorReason(new DOMException("aborted", "AbortError"))).toBeUndefined();
  });

  test("takes a failed token request for the failure of the attempt, which never reached Okta", () => {
    const tokenUrl = "https://acme.okta.com/oauth2/v1/token";
    const busy = new OktaOAuthError({
      status: 503,
      error: "unexpected_response",
      errorDescription: "",
      tokenUrl,
    });
    const refused = new OktaOAuthError({
      status: 401,
      error: "invalid_client",
      errorDescription: "",
      tokenUrl,
    });
    const unanswered = new OktaConnectionError(
      { method: "POST", url: tokenUrl },
      new TypeError("fetch failed"),
    );
    expect([errorReason(busy), errorReason(refused), errorReason(unanswered)]).toEqual([
      503,
      undefined,
      "network",
    ]);
    expect([busy, unanswered, new TypeError("fetch failed")].map(failedBeforeSending)).toEqual([
      true,
      true,
      false,
    ]);
    const create = { method: "POST", url: `${BASE}/secrets` };
    expect([mayRetry(create, 503), mayRetry(create, 503, false), mayRetry(create, "network", false)]).toEqual(
      [false, true, true],
    );
  });

  test("does not take an option error found on the call for a network error", () => {
    const optionError = markOptionError(new TypeError("auth.privateKey: the PEM is a public key"));
    expect(errorReason(optionError)).toBeUndefined();
    expect(errorReason(new TypeError("auth.privateKey: the PEM is a public key"))).toBe("network");
  });
});
