import type { FakeAppInit, FakeAppState } from "./fake-app.js";
import { type FakeOktaServer, listen } from "./fake-listen.js";
import { newErrorId, newRequestId } from "./fake-random.js";
import { checkRateLimit, createRateLimiter, type FakeRateLimit } from "./fake-rate-limit.js";
import { FakeRefusal, failure, invalid, notFound } from "./fake-refusal.js";
import { HANDLERS, matchRoute } from "./fake-routes.js";
import { seedApp } from "./seed-app.js";

/** Options of {@link createFakeOkta}. */
export interface FakeOktaOptions {
  /** Apps to start with. @default [] */
  readonly apps?: readonly FakeAppInit[];
  /** The only tokens accepted after `SSWS`, `Bearer` or `DPoP`. @default any non-empty token */
  readonly tokens?: readonly string[];
  /** A per-endpoint budget; without it no request is refused and no rate-limit header is sent. */
  readonly rateLimit?: FakeRateLimit;
  /** The clock for timestamps, `Date` and rate-limit windows, in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

/** A stateful, in-memory Okta serving the twelve credential operations of one org. */
export interface FakeOkta {
  /** Answers one request without sockets; pass it as the client's `fetch` (with any `orgUrl`). */
  readonly fetch: (request: Request) => Promise<Response>;
  /** Serves the same state over HTTP on 127.0.0.1 (port 0 picks a free one). */
  listen(port?: number): Promise<FakeOktaServer>;
  /** Adds an app, seeding its keys and secrets through the API's rules, and returns its id. */
  addApp(app: FakeAppInit): Promise<string>;
  /** A deep copy of one app's state, for assertions. @throws {TypeError} for an unknown app. */
  state(appId: string): FakeAppState;
  /** The ids of every app, in the order they were added. */
  appIds(): string[];
}

const AUTHORIZATION = /^(?:SSWS|Bearer|DPoP) +(\S+)$/;

/**
 * Creates a fake Okta: every lifecycle rule of the real API, Okta-shaped errors, `_links` that follow each
 * credential's status, `X-Okta-Request-Id` on every response and optional rate limits. Responses conform to the
 * curated spec.
 * @throws {TypeError} naming the first invalid option or seed.
 */
export async function createFakeOkta(options: FakeOktaOptions = {}): Promise<FakeOkta> {
  const { apps: seeds = [], tokens, now = Date.now } = checkFakeOptions(options);
  const rateLimit = checkRateLimit(options.rateLimit);
  const apps = new Map<string, FakeAppState>();
  const limiter = rateLimit ? createRateLimiter(rateLimit, now) : undefined;
  const accepted = tokens ? new Set(tokens) : undefined;

  async function addApp(init: FakeAppInit): Promise<string> {
    const app = await seedApp(init, new Date(now()).toISOString(), apps);
    apps.set(app.id, app);
    return app.id;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const headers = new Headers({ "X-Okta-Request-Id": newRequestId(), Date: new Date(now()).toUTCString() });
    const match = matchRoute(request.method, url.pathname);
    try {
      limiter?.(match?.operation.name ?? url.pathname, headers);
      if (!isAccepted(request.headers.get("Authorization"), accepted)) throw failure(401);
      if (!match) throw notFound(url.pathname, "Endpoint");
      const { operation, appId, id } = match;
      const app = apps.get(appId);
      if (!app) throw notFound(appId, "AppInstance");
      const body = operation.body === "none" ? undefined : await readJson(request);
      const context = { app, id, body, now: new Date(now()).toISOString(), origin: url.origin };
      return reply(operation.success, await HANDLERS[operation.name](context), headers);
    } catch (error) {
      if (!(error instanceof FakeRefusal)) throw error;
      const body = { ...error.body, errorLink: error.body.errorCode, errorId: newErrorId() };
      return reply(error.status, body, headers);
    }
  }

  for (const seed of seeds) await addApp(seed);
  return {
    fetch: handle,
    listen: (port) => listen(handle, port),
    addApp,
    state(appId) {
      const app = apps.get(appId);
      if (!app) throw new TypeError(`appId ${JSON.stringify(appId)} is not an app of this fake`);
      return structuredClone(app);
    },
    appIds: () => [...apps.keys()],
  };
}

function isAccepted(header: string | null, accepted: Set<string> | undefined): boolean {
  const token = header?.match(AUTHORIZATION)?.[1];
  return token !== undefined && (accepted === undefined || accepted.has(token));
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
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

function checkFakeOptions(options: FakeOktaOptions): FakeOktaOptions {
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object");
  const { apps, tokens, now } = options;
  if (apps !== undefined && !Array.isArray(apps)) throw new TypeError("apps must be an array");
  if (tokens !== undefined && !(Array.isArray(tokens) && tokens.every((t) => typeof t === "string" && t))) {
    throw new TypeError("tokens must be an array of non-empty strings");
  }
  if (now !== undefined && typeof now !== "function") throw new TypeError("now must be a function");
  return options;
}
