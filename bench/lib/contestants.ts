import createClient from "openapi-fetch";
import type { paths } from "../../generated/okta-app-credentials.js";

/** One way of calling the API that the benchmark times. */
export interface Contestant {
  /** `GET …/jwks`, body parsed. */
  list(): Promise<unknown>;
  /** `POST …/secrets` with `{"status": "ACTIVE"}`, body parsed. */
  create(): Promise<unknown>;
}

/** The contestants' names, as the tables print them and the targets refer to them. */
export const CONTESTANT = {
  /** The baseline every ratio in the table is taken against. */
  raw: "raw fetch",
  bare: "openapi-fetch (bare)",
  ours: "this client (dist)",
  sdk: "@okta/okta-sdk-nodejs 8.1.0",
} as const;

/** The ids, token and body every contestant sends, shared with `bench/breakdown.ts`. */
export const APP_ID = "0oabench0000000000x7";
export const TOKEN = "00bench-token-not-a-real-one";
export const JWKS = "/api/v1/apps/{appId}/credentials/jwks";
export const SECRETS = "/api/v1/apps/{appId}/credentials/secrets";
// Every contestant sends the same create body, so all of them serialise and send one.
export const NEW_SECRET = { status: "ACTIVE" } as const;

/** The built package's sources (`dist/src/`), which the benchmark measures rather than `src/`. */
export const DIST = new URL("../../dist/src/", import.meta.url);

function rawFetch(origin: string): Contestant {
  const headers = { Accept: "application/json", Authorization: `SSWS ${TOKEN}` };
  const base = `${origin}/api/v1/apps/${APP_ID}/credentials`;
  return {
    list: async () => (await fetch(`${base}/jwks`, { headers })).json(),
    create: async () =>
      (
        await fetch(`${base}/secrets`, {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/json" },
          body: JSON.stringify(NEW_SECRET),
        })
      ).json(),
  };
}

function bareOpenapiFetch(origin: string): Contestant {
  const client = createClient<paths>({
    baseUrl: origin,
    headers: { Accept: "application/json", Authorization: `SSWS ${TOKEN}` },
  });
  const params = { path: { appId: APP_ID } };
  return {
    list: async () => (await client.GET(JWKS, { params })).data,
    create: async () => (await client.POST(SECRETS, { params, body: NEW_SECRET })).data,
  };
}

type Index = typeof import("../../src/index.js");

async function thisClient(origin: string): Promise<Contestant> {
  const { createOktaClient } = (await import(new URL("index.js", DIST).href)) as Index;
  const okta = createOktaClient({ orgUrl: origin, auth: { type: "apiToken", token: TOKEN } });
  return { list: () => okta.jwks.list(APP_ID), create: () => okta.secrets.create(APP_ID, NEW_SECRET) };
}

interface OktaSdkKeysApi {
  listJwk(args: { appId: string }): Promise<unknown>;
  createOAuth2ClientSecret(args: { appId: string; oAuth2ClientSecretRequestBody: object }): Promise<unknown>;
}

async function oktaSdk(origin: string): Promise<Contestant> {
  const okta = (await import("@okta/okta-sdk-nodejs")) as unknown as {
    Client: new (config: object) => { applicationSSOPublicKeysApi: OktaSdkKeysApi };
  };
  // No trailing slash: the SDK would request `//api/v1/…`. `cacheMiddleware: null` turns its cache off.
  const client = new okta.Client({ orgUrl: origin, token: TOKEN, cacheMiddleware: null });
  const api = client.applicationSSOPublicKeysApi;
  // The SDK's listJwk throws "data is not iterable" on the live array shape; this app id gets `{keys: [...]}`.
  const wrappedAppId = "0oawrapped000000000x7";
  return {
    list: () => api.listJwk({ appId: wrappedAppId }),
    create: () => api.createOAuth2ClientSecret({ appId: APP_ID, oAuth2ClientSecretRequestBody: NEW_SECRET }),
  };
}

/** Makes a contestant that calls the loopback server at `origin`. */
export type ContestantFactory = (origin: string) => Contestant | Promise<Contestant>;

/** How to make each contestant, by name, raw fetch first since the others are reported as ratios to it. */
export const CONTESTANTS: Readonly<Record<string, ContestantFactory>> = {
  [CONTESTANT.raw]: rawFetch,
  [CONTESTANT.bare]: bareOpenapiFetch,
  [CONTESTANT.ours]: thisClient,
  [CONTESTANT.sdk]: oktaSdk,
};

/** Clears what Okta's SDK would silently read from the environment (credentials, org URL, proxies). */
export function clearSdkEnvironment(): void {
  for (const name of Object.keys(process.env)) {
    if (/^OKTA_CLIENT_|^(HTTPS?|ALL|NO)_PROXY$/i.test(name)) delete process.env[name];
  }
}
