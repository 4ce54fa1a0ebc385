import { createAnswer, type FakeFetch, oktaTimestamp } from "./fake-answer.js";
import type { FakeAppInit, FakeAppState } from "./fake-app.js";
import { checkRateLimit, type FakeRateLimit } from "./fake-rate-limit.js";
import { seedApp } from "./seed-app.js";

/** Options of {@link createFakeOkta}. */
export interface FakeOktaOptions {
  /** Apps to start with. @default [] */
  readonly apps?: readonly FakeAppInit[];
  /** The only tokens accepted after `SSWS`, `Bearer` or `DPoP`. @default any non-empty token */
  readonly tokens?: readonly string[];
  /**
   * The budget per method and path template; every answer carries its `X-Rate-Limit-*` headers, and a request
   * over it gets 429 E0000047. `FAKE_RATE_LIMITS.developerOrg` reproduces a developer org (10 a minute).
   * @default FAKE_RATE_LIMITS.generous (10,000 a minute)
   */
  readonly rateLimit?: FakeRateLimit;
  /** The clock for timestamps, `Date` and rate-limit windows, in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

/** A stateful, in-memory Okta serving the twelve credential operations of one org. */
export interface FakeOkta {
  /**
   * Answers one request without sockets; takes `fetch`'s own arguments (a `Request`, or a URL or string and an
   * init), so pass it as the client's `fetch` (with any `orgUrl`) or call it as you would call `fetch`.
   */
  readonly fetch: FakeFetch;
  /**
   * Adds an app, seeding its keys and secrets through the API's rules, and returns its id.
   * @throws {TypeError} naming the invalid field or refused seed, or an id already taken (also by a concurrent call).
   */
  addApp(app: FakeAppInit): Promise<string>;
  /** A deep copy of one app's state, for assertions. @throws {TypeError} for an unknown app. */
  state(appId: string): FakeAppState;
  /** The ids of every app, in the order they were added. */
  appIds(): string[];
}

/**
 * Creates a fake Okta: every lifecycle rule of the real API, Okta-shaped errors, `_links` that follow each
 * credential's status, a live org's headers on every response (rate limits included) and whole-second
 * timestamps. Responses conform to the curated spec. A request body over 256 kB is refused with 413 in Okta's error shape, and not read past that.
 * @throws {TypeError} naming the first invalid option or seed.
 */
export async function createFakeOkta(options: FakeOktaOptions = {}): Promise<FakeOkta> {
  const { apps: seeds = [], now = Date.now } = checkFakeOptions(options);
  const apps = new Map<string, FakeAppState>();
  // Ids of the apps and of those still being seeded: an id is reserved before seeding awaits anything.
  const taken = new Set<string>();
  const handle = createAnswer(apps, options);

  async function addApp(init: FakeAppInit): Promise<string> {
    const app = await seedApp(init, oktaTimestamp(now()), taken);
    apps.set(app.id, app);
    return app.id;
  }

  for (const seed of seeds) await addApp(seed);
  return {
    fetch: handle,
    addApp,
    state(appId) {
      const app = apps.get(appId);
      if (!app) throw new TypeError(`appId ${JSON.stringify(appId)} is not an app of this fake`);
      return structuredClone(app);
    },
    appIds: () => [...apps.keys()],
  };
}

function checkFakeOptions(options: FakeOktaOptions): FakeOktaOptions {
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object");
  const { apps, tokens, now } = options;
  if (apps !== undefined && !Array.isArray(apps)) throw new TypeError("apps must be an array");
  if (tokens !== undefined && !(Array.isArray(tokens) && tokens.every((t) => typeof t === "string" && t))) {
    throw new TypeError("tokens must be an array of non-empty strings");
  }
  if (now !== undefined && typeof now !== "function") throw new TypeError("now must be a function");
  checkRateLimit(options.rateLimit);
  return options;
}
