import { afterEach, describe, expect, inject, test } from "vitest";
import {
  createOktaClient,
  type NewClientSecret,
  type NewJwk,
  OktaApiError,
  type OktaClient,
} from "../../src/index.js";
import { operationIds, type ResponseCase, requestCases, responseCases } from "./spec-cases.js";

const APP = "0oa8kg3bp0aQ7nD0x5d7";
const KEY = "pks2f4zrZbs8nUa7p0g4";
const SECRET = "ocs2f4zrZbs8nUa7p0g4";

/** The facade method of each operation, for test names. */
const METHOD: Record<string, string> = {
  listJwk: "jwks.list",
  addJwk: "jwks.add",
  getJwk: "jwks.get",
  deletejwk: "jwks.delete",
  activateOAuth2ClientJsonWebKey: "jwks.activate",
  deactivateOAuth2ClientJsonWebKey: "jwks.deactivate",
  listOAuth2ClientSecrets: "secrets.list",
  createOAuth2ClientSecret: "secrets.create",
  getOAuth2ClientSecret: "secrets.get",
  deleteOAuth2ClientSecret: "secrets.delete",
  activateOAuth2ClientSecret: "secrets.activate",
  deactivateOAuth2ClientSecret: "secrets.deactivate",
};

/** Runs one operation through the facade; `body` is a request example where the operation takes one. */
const INVOKE: Record<string, (okta: OktaClient, body?: unknown) => Promise<unknown>> = {
  listJwk: (okta) => okta.jwks.list(APP),
  addJwk: (okta, body) => okta.jwks.add(APP, (body ?? firstRequest("addJwk")) as NewJwk),
  getJwk: (okta) => okta.jwks.get(APP, KEY),
  deletejwk: (okta) => okta.jwks.delete(APP, KEY),
  activateOAuth2ClientJsonWebKey: (okta) => okta.jwks.activate(APP, KEY),
  deactivateOAuth2ClientJsonWebKey: (okta) => okta.jwks.deactivate(APP, KEY),
  listOAuth2ClientSecrets: (okta) => okta.secrets.list(APP),
  createOAuth2ClientSecret: (okta, body) => okta.secrets.create(APP, body as NewClientSecret | undefined),
  getOAuth2ClientSecret: (okta) => okta.secrets.get(APP, SECRET),
  deleteOAuth2ClientSecret: (okta) => okta.secrets.delete(APP, SECRET),
  activateOAuth2ClientSecret: (okta) => okta.secrets.activate(APP, SECRET),
  deactivateOAuth2ClientSecret: (okta) => okta.secrets.deactivate(APP, SECRET),
};

function firstRequest(operationId: string): unknown {
  return requestCases.find((c) => c.operationId === operationId)?.value;
}

/** A client against the Prism mock whose requests carry `prefer`, recording every `sl-violations` header. */
function mockClient(prefer?: string, withAuth = true) {
  const violations: string[] = [];
  const okta = createOktaClient({
    orgUrl: inject("prismUrl"),
    ...(withAuth ? { auth: { type: "apiToken" as const, token: "contract-test-token" } } : {}),
    fetch: async (request) => {
      const sent = new Request(request);
      if (prefer) sent.headers.set("Prefer", prefer);
      const response = await fetch(sent);
      const violation = response.headers.get("sl-violations");
      if (violation) violations.push(violation);
      return response;
    },
  });
  return { okta, violations };
}

function expectedError(c: ResponseCase) {
  const body = c.value as {
    errorCode: string;
    errorSummary: string;
    errorId: string;
    errorCauses: { errorSummary: string }[];
  };
  return {
    status: c.status,
    errorCode: body.errorCode,
    errorSummary: body.errorSummary,
    errorId: body.errorId,
    errorCauses: body.errorCauses.map((cause) => cause.errorSummary),
    requestId: c.headers["x-okta-request-id"],
  };
}

let lastViolations: string[] = [];
afterEach(() => {
  // Every request the client sends must be valid against the curated spec.
  expect(lastViolations).toEqual([]);
  lastViolations = [];
});

describe("the spec's coverage", () => {
  test("has exactly Okta's twelve operations, each with a facade method", () => {
    expect([...operationIds].sort()).toEqual(Object.keys(INVOKE).sort());
    expect(Object.keys(METHOD).sort()).toEqual(Object.keys(INVOKE).sort());
    expect(operationIds).toHaveLength(12);
  });
});

describe.each(operationIds.map((id) => [`${METHOD[id]} (${id})`, id]))("%s", (_name, operationId) => {
  const cases = responseCases.filter((c) => c.operationId === operationId);

  test.each(cases.filter((c) => c.status < 300).map((c) => [c.status, c.example ?? "(no body)", c] as const))(
    "%i %s is returned as the typed result",
    async (status, example, c) => {
      const { okta, violations } = mockClient(
        c.example ? `code=${status}, example=${example}` : `code=${status}`,
      );
      const result = await INVOKE[operationId]?.(okta);
      lastViolations = violations;
      expect(result).toEqual(c.value);
    },
  );

  test.each(
    cases.filter((c) => c.status >= 400).map((c) => [c.status, c.example ?? "(no body)", c] as const),
  )("%i %s becomes OktaApiError", async (status, example, c) => {
    const { okta, violations } = mockClient(
      c.example ? `code=${status}, example=${example}` : `code=${status}`,
    );
    const error = await INVOKE[operationId]?.(okta).catch((e: unknown) => e);
    lastViolations = violations;
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject(expectedError(c));
  });
});

describe("request examples", () => {
  test.each(requestCases.map((c) => [c.operationId, c.example, c.value] as const))(
    "%s accepts its request example %s",
    async (operationId, _example, value) => {
      const { okta, violations } = mockClient();
      const result = await INVOKE[operationId]?.(okta, value);
      lastViolations = violations;
      expect(result).toMatchObject({
        id: expect.any(String),
        status: expect.stringMatching(/^(ACTIVE|INACTIVE)$/),
      });
    },
  );

  test("secrets.create without a body is valid", async () => {
    const { okta, violations } = mockClient();
    const secret = await okta.secrets.create(APP);
    lastViolations = violations;
    expect(secret.client_secret.length).toBeGreaterThanOrEqual(14);
  });
});

describe("the contract check itself", () => {
  test("a request that breaks the spec is flagged by the mock", async () => {
    const { okta, violations } = mockClient();
    const error = await okta.jwks
      .add(APP, { kty: "RSA", use: "sig", e: "AQAB" } as unknown as NewJwk)
      .catch((e) => e);
    expect(error).toMatchObject({ status: 400 });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/n/);
  });

  test("a client without credentials gets a 401 OktaApiError", async () => {
    const { okta, violations } = mockClient(undefined, false);
    const error = await okta.jwks.list(APP).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({ status: 401, errorCode: "E0000011" });
    // The one request here that is meant to break the spec: it carries no credentials.
    expect(violations).toEqual([expect.stringContaining("Invalid security scheme used")]);
  });
});
