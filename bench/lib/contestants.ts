import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import createClient from "openapi-fetch";
import type { paths } from "../../generated/okta-app-credentials.js";

/** One way of calling the API that the benchmark times. */
export interface Contestant {
  readonly name: string;
  /** `GET …/jwks`, body parsed. */
  list(): Promise<unknown>;
  /** `POST …/secrets` with `{"status": "ACTIVE"}`, body parsed. */
  create(): Promise<unknown>;
  close?(): void;
}

const APP_ID = "0oabench0000000000x7";
const TOKEN = "00bench-token-not-a-real-one";
const DIST = new URL("../../dist/src/", import.meta.url);
const JWKS = "/api/v1/apps/{appId}/credentials/jwks";
const SECRETS = "/api/v1/apps/{appId}/credentials/secrets";
// Every contestant sends the same create body, so all of them serialise and send one.
const NEW_SECRET = { status: "ACTIVE" } as const;

/** The baseline every ratio is taken against. */
export const RAW_FETCH_NAME = "raw fetch";

function rawFetch(origin: string): Contestant {
  const headers = { Accept: "application/json", Authorization: `SSWS ${TOKEN}` };
  const base = `${origin}/api/v1/apps/${APP_ID}/credentials`;
  return {
    name: RAW_FETCH_NAME,
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

function bareOpenapiFetch(origin: string, name: string, fetch?: FetchLike): Contestant {
  const client = createClient<paths>({
    baseUrl: origin,
    headers: { Accept: "application/json", Authorization: `SSWS ${TOKEN}` },
    ...(fetch ? { fetch } : {}),
  });
  const params = { path: { appId: APP_ID } };
  return {
    name,
    list: async () => (await client.GET(JWKS, { params })).data,
    create: async () => (await client.POST(SECRETS, { params, body: NEW_SECRET })).data,
  };
}

type CreateOktaClient = typeof import("../../src/client.js").createOktaClient;
type FetchLike = import("../../src/transport/fetch-like.js").FetchLike;

async function thisClient(origin: string, name: string, fetch?: FetchLike): Promise<Contestant> {
  const { createOktaClient } = (await import(new URL("index.js", DIST).href)) as {
    createOktaClient: CreateOktaClient;
  };
  const okta = createOktaClient({ orgUrl: origin, auth: { type: "apiToken", token: TOKEN }, fetch });
  return { name, list: () => okta.jwks.list(APP_ID), create: () => okta.secrets.create(APP_ID, NEW_SECRET) };
}

/** Where the optional Node transport is built, once it exists. */
export const NODE_TRANSPORT = new URL("node-transport.js", DIST);

type NodeTransport = FetchLike & { close(): void };

async function nodeTransport(): Promise<NodeTransport | undefined> {
  if (!existsSync(fileURLToPath(NODE_TRANSPORT))) return undefined;
  const { createNodeTransport } = (await import(NODE_TRANSPORT.href)) as {
    createNodeTransport: () => NodeTransport;
  };
  return createNodeTransport();
}

/** `client` on a `createNodeTransport()` of its own, closed with it; `undefined` if this build has none. */
async function onNodeTransport(
  make: (fetch: FetchLike) => Contestant | Promise<Contestant>,
): Promise<Contestant | undefined> {
  const transport = await nodeTransport();
  if (!transport) return undefined;
  return { ...(await make(transport)), close: () => transport.close() };
}

/** The names of the contestants, which the targets refer to. */
export const ON_BUILTIN_FETCH = { bare: "openapi-fetch (bare)", ours: "this client (dist)" } as const;
export const ON_NODE_TRANSPORT = {
  bare: "openapi-fetch (bare) + createNodeTransport()",
  ours: "this client + createNodeTransport()",
} as const;
export const OKTA_SDK_NAME = "@okta/okta-sdk-nodejs 8.1.0";

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
    name: OKTA_SDK_NAME,
    list: () => api.listJwk({ appId: wrappedAppId }),
    create: () => api.createOAuth2ClientSecret({ appId: APP_ID, oAuth2ClientSecretRequestBody: NEW_SECRET }),
  };
}

/** How to make each contestant, by name, raw fetch first since the others are reported as ratios to it. */
const FACTORIES: Readonly<Record<string, (origin: string) => Promise<Contestant | undefined>>> = {
  [RAW_FETCH_NAME]: async (origin) => rawFetch(origin),
  [ON_BUILTIN_FETCH.bare]: async (origin) => bareOpenapiFetch(origin, ON_BUILTIN_FETCH.bare),
  [ON_BUILTIN_FETCH.ours]: (origin) => thisClient(origin, ON_BUILTIN_FETCH.ours),
  [ON_NODE_TRANSPORT.bare]: (origin) =>
    onNodeTransport((fetch) => bareOpenapiFetch(origin, ON_NODE_TRANSPORT.bare, fetch)),
  [ON_NODE_TRANSPORT.ours]: (origin) =>
    onNodeTransport((fetch) => thisClient(origin, ON_NODE_TRANSPORT.ours, fetch)),
  [OKTA_SDK_NAME]: oktaSdk,
};

/** Every contestant's name, in the order of the tables. */
export const CONTESTANT_NAMES: readonly string[] = Object.keys(FACTORIES);

/** Makes the contestant called `name`; `undefined` when this build lacks what it needs (the Node transport). */
export function createContestant(origin: string, name: string): Promise<Contestant | undefined> {
  const factory = FACTORIES[name];
  if (!factory) throw new Error(`No contestant is called ${JSON.stringify(name)}`);
  return factory(origin);
}

/** Clears what Okta's SDK would silently read from the environment (credentials, org URL, proxies). */
export function clearSdkEnvironment(): void {
  for (const name of Object.keys(process.env)) {
    if (/^OKTA_CLIENT_|^(HTTPS?|ALL|NO)_PROXY$/i.test(name)) delete process.env[name];
  }
}
