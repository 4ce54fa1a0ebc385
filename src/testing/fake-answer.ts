import type { FakeOktaOptions } from "./create-fake-okta.js";
import type { FakeAppState } from "./fake-app.js";
import { readBody } from "./fake-body.js";
import { newErrorId, newRequestId } from "./fake-random.js";
import { createRateLimiter, FAKE_RATE_LIMITS } from "./fake-rate-limit.js";
import { FakeRefusal, failure, invalid, notFound } from "./fake-refusal.js";
import { HANDLERS, matchRoute } from "./fake-routes.js";

// Okta takes `SSWS<token>` without a space too: its Python SDK sends that form, and a live org accepted it.
const AUTHORIZATION = /^(?:SSWS *|(?:Bearer|DPoP) +)(\S+)$/;

/** A moment as Okta writes `created` and `lastUpdated`: ISO 8601 in whole seconds (`…:00.000Z`). */
export function oktaTimestamp(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString();
}

/** The fake's `fetch`: it takes what the global `fetch` takes, so it can stand in for it anywhere. */
export type FakeFetch = (input: Request | URL | string, init?: RequestInit) => Promise<Response>;

/**
 * Answers requests for `apps` as Okta does: rate limit, then credentials, then the operation and its app; every
 * response carries `X-Okta-Request-Id`, `Date`, `Cache-Control` and the `X-Rate-Limit-*` headers, and every
 * refusal is an Okta error body with a fresh `errorId`.
 */
export function createAnswer(
  apps: ReadonlyMap<string, FakeAppState>,
  { now = Date.now, tokens, rateLimit = FAKE_RATE_LIMITS.generous }: FakeOktaOptions,
): FakeFetch {
  const limiter = createRateLimiter(rateLimit, now);
  const accepted = tokens && new Set(tokens);
  return async (input, init) => {
    const request = toRequest(input, init);
    const url = new URL(request.url);
    const headers = new Headers({
      "X-Okta-Request-Id": newRequestId(),
      Date: new Date(now()).toUTCString(),
      "Cache-Control": "no-cache, no-store",
    });
    const match = matchRoute(request.method, url.pathname);
    try {
      limiter(match?.operation.name ?? url.pathname, headers);
      const token = request.headers.get("Authorization")?.match(AUTHORIZATION)?.[1];
      if (token === undefined || (accepted && !accepted.has(token))) throw failure(401);
      if (!match) throw notFound(url.pathname, "Endpoint");
      const { operation, appId, id } = match;
      const app = apps.get(appId);
      if (!app) throw notFound(appId, "AppInstance");
      const body = operation.body === "none" ? undefined : await readJson(request);
      const context = { app, id, body, now: oktaTimestamp(now()), origin: url.origin };
      return reply(operation.success, await HANDLERS[operation.name](context), headers);
    } catch (error) {
      if (!(error instanceof FakeRefusal)) throw error;
      const body = { ...error.body, errorLink: error.body.errorCode, errorId: newErrorId() };
      return reply(error.status, body, headers);
    }
  };
}

/**
 * The request `fetch(input, init)` would send. A request alone is read as it is, even one from another realm
 * (a `Request` of another global or of the undici package); anything else is built as `fetch` builds it, and
 * refused as `fetch` refuses it.
 */
function toRequest(input: Request | URL | string, init: RequestInit | undefined): Request {
  const isRequest = typeof input === "object" && !(input instanceof URL) && typeof input.url === "string";
  return isRequest && init === undefined ? input : new Request(input, init);
}

async function readJson(request: Request): Promise<unknown> {
  const text = await readBody(request);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalid("JSON", "The request body is not valid JSON.");
  }
}

function reply(status: number, body: unknown, headers: Headers): Response {
  if (body === undefined) return new Response(null, { status, headers });
  headers.set("Content-Type", "application/json");
  return new Response(JSON.stringify(body), { status, headers });
}
