import { findOperation } from "../../src/api/operations.js";
import { createOktaClient, type OktaClient } from "../../src/index.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { ecJwk } from "../helpers/fake-org.js";

/** The app every verify test checks. */
export const APP = "0oaVerify";

/** A fake Okta with one app: one active secret, an active and an inactive EC signing key. */
export async function faithfulFake(): Promise<FakeOkta> {
  return createFakeOkta({
    apps: [
      {
        id: APP,
        tokenEndpointAuthMethod: "client_secret_basic",
        secrets: [{}],
        jwks: [await ecJwk("in-use"), { ...(await ecJwk("old")), status: "INACTIVE" }],
      },
    ],
  });
}

/** Rewrites the fake's answers to one operation: its status, headers or JSON body. */
export type Plant = (answer: { status: number; headers: Headers; body: unknown }) => void;

/** How a test bends the fake: answers rewritten, calls refused before the fake sees them, calls seen. */
export interface Bends {
  /** By operationId: rewrites each answer the fake gave. */
  readonly plants?: Record<string, Plant>;
  /** By operationId: statuses answered in turn instead of the fake (400 with Okta's error body, 5xx empty). */
  readonly refusals?: Record<string, number[]>;
  /** Collects `METHOD operationId` for every call. */
  readonly seen?: string[];
}

const HEADERS = {
  "X-Rate-Limit-Limit": "10",
  "X-Rate-Limit-Remaining": "5",
  "X-Rate-Limit-Reset": "1999999999",
  "X-Okta-Request-Id": "f".repeat(32),
};

function refusal(status: number): Response {
  if (status >= 500) return new Response(null, { status, headers: HEADERS });
  const body = {
    errorCode: "E0000001",
    errorSummary: "Api validation failed: refused by the test",
    errorLink: "E0000001",
    errorId: "oaeRefusedByTheTest",
    errorCauses: [{ errorSummary: "refused by the test" }],
  };
  return Response.json(body, { status, headers: HEADERS });
}

/** A client of `fake` without retries, bent as `bends` says. */
export function client(fake: FakeOkta, { plants = {}, refusals = {}, seen = [] }: Bends = {}): OktaClient {
  return createOktaClient({
    orgUrl: "https://verify.okta.test",
    auth: { type: "apiToken", token: "verify-token" },
    retry: false,
    fetch: async (request) => {
      const operation = findOperation(request.method, new URL(request.url).pathname);
      seen.push(`${request.method} ${operation?.operationId}`);
      const refused = operation && refusals[operation.operationId]?.shift();
      if (refused !== undefined) return refusal(refused);
      const response = await fake.fetch(request);
      const plant = operation && plants[operation.operationId];
      if (!plant) return response;
      const text = await response.text();
      const answer = {
        status: response.status,
        headers: new Headers(response.headers),
        body: text && JSON.parse(text),
      };
      plant(answer);
      return new Response(answer.body === "" ? null : JSON.stringify(answer.body), answer);
    },
  });
}
