import createClient from "openapi-fetch";
import type { paths } from "../../generated/okta-app-credentials.js";
import type { Authenticator, FetchLayer, FetchLike } from "../../src/transport.js";
import { APP_ID, type ContestantFactory, DIST, JWKS, NEW_SECRET, SECRETS, TOKEN } from "./contestants.js";

type Transport = typeof import("../../src/transport.js");

/** What `createOktaClient` makes of `auth: { type: "apiToken" }`: the `SSWS` header, set on every attempt. */
const API_TOKEN: Authenticator = {
  async authorize(request) {
    request.headers.set("Authorization", `SSWS ${TOKEN}`);
    return request;
  },
};

/**
 * The layers of `okta-app-credentials/transport` in the order the client stacks them, innermost first, each with
 * the options the client gives it by default.
 */
const LAYERS: readonly (readonly [
  name: string,
  make: (transport: Transport, origin: string) => FetchLayer,
])[] = [
  ["withNoRedirects", (transport) => transport.withNoRedirects],
  ["withTimeout", (transport) => transport.withTimeout()],
  ["withAuth", (transport, origin) => transport.withAuth(API_TOKEN, origin)],
  ["withThrottle", (transport) => transport.withThrottle()],
  ["withRetry", (transport) => transport.withRetry()],
];

/**
 * Bare openapi-fetch on Node's built-in fetch under the first `count` layers, built from `dist/` like the client's:
 * requests that never follow redirects, and the `Authorization` header from the auth layer once it is there.
 */
function underLayers(count: number): ContestantFactory {
  return async (origin) => {
    const transport = (await import(new URL("transport.js", DIST).href)) as Transport;
    const layers = LAYERS.slice(0, count).map(([, make]) => make(transport, origin));
    const fetch = layers.reduce<FetchLike>(
      (next, layer) => layer(next),
      (request, init) => globalThis.fetch(request, init),
    );
    const authorized = count > LAYERS.findIndex(([name]) => name === "withAuth");
    const client = createClient<paths>({
      baseUrl: origin,
      redirect: "manual",
      headers: authorized
        ? { Accept: "application/json" }
        : { Accept: "application/json", Authorization: `SSWS ${TOKEN}` },
      fetch,
    });
    const params = { path: { appId: APP_ID } };
    return {
      list: async () => (await client.GET(JWKS, { params })).data,
      create: async () => (await client.POST(SECRETS, { params, body: NEW_SECRET })).data,
    };
  };
}

/**
 * The steps between bare openapi-fetch and this client, by name: bare openapi-fetch plus one more layer of
 * `okta-app-credentials/transport` at each step, until it has all of them, as the client does.
 */
export const LAYER_STEPS: Readonly<Record<string, ContestantFactory>> = Object.fromEntries(
  LAYERS.map(([name], index) => [`+ ${name}`, underLayers(index + 1)]),
);
