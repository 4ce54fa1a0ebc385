import type { FakeAppState } from "./fake-app.js";
import { activateJwk, addJwk, deactivateJwk, deleteJwk, findJwk } from "./fake-jwks.js";
import { renderJwk, renderSecret } from "./fake-render.js";
import { activateSecret, createSecret, deactivateSecret, deleteSecret, findSecret } from "./fake-secrets.js";
import { checkJwkBody, checkSecretBody } from "./fake-validate.js";

/** What a route sees: the app (already found), path ids, the parsed JSON body, the time and the app's URL. */
export interface RouteContext {
  readonly app: FakeAppState;
  readonly ids: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly now: string;
  /** `<origin>/api/v1/apps/<appId>`, the base of every link. */
  readonly appUrl: string;
}

/** A status and an optional JSON body. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

/** One of the twelve operations. */
export interface Route {
  readonly method: "GET" | "POST" | "DELETE";
  readonly template: string;
  /** Whether the operation reads a JSON body. */
  readonly takesBody: boolean;
  readonly run: (context: RouteContext) => Reply | Promise<Reply>;
}

const JWKS = "/api/v1/apps/{appId}/credentials/jwks";
const SECRETS = "/api/v1/apps/{appId}/credentials/secrets";

/** The twelve operations of the curated spec, each bound to the fake's rules. */
export const ROUTES: readonly Route[] = [
  route("GET", JWKS, ({ app, appUrl }) => ok(app.jwks.map((key) => renderJwk(key, appUrl)))),
  route("POST", JWKS, ({ app, body, now, appUrl }) => ({
    status: 201,
    body: renderJwk(addJwk(app, checkJwkBody(body), now), appUrl),
  })),
  route("GET", `${JWKS}/{keyId}`, ({ app, ids, appUrl }) =>
    ok(renderJwk(findJwk(app, ids.keyId as string), appUrl)),
  ),
  route("DELETE", `${JWKS}/{keyId}`, ({ app, ids }) => {
    deleteJwk(app, ids.keyId as string);
    return { status: 204 };
  }),
  route("POST", `${JWKS}/{keyId}/lifecycle/activate`, ({ app, ids, now, appUrl }) =>
    ok(renderJwk(activateJwk(app, ids.keyId as string, now), appUrl)),
  ),
  route("POST", `${JWKS}/{keyId}/lifecycle/deactivate`, ({ app, ids, now, appUrl }) =>
    ok(renderJwk(deactivateJwk(app, ids.keyId as string, now), appUrl)),
  ),
  route("GET", SECRETS, ({ app, appUrl }) => ok(app.secrets.map((secret) => renderSecret(secret, appUrl)))),
  route("POST", SECRETS, async ({ app, body, now, appUrl }) => ({
    status: 201,
    body: renderSecret(await createSecret(app, checkSecretBody(body), now), appUrl),
  })),
  route("GET", `${SECRETS}/{secretId}`, ({ app, ids, appUrl }) =>
    ok(renderSecret(findSecret(app, ids.secretId as string), appUrl)),
  ),
  route("DELETE", `${SECRETS}/{secretId}`, ({ app, ids }) => {
    deleteSecret(app, ids.secretId as string);
    return { status: 204 };
  }),
  route("POST", `${SECRETS}/{secretId}/lifecycle/activate`, ({ app, ids, now, appUrl }) =>
    ok(renderSecret(activateSecret(app, ids.secretId as string, now), appUrl)),
  ),
  route("POST", `${SECRETS}/{secretId}/lifecycle/deactivate`, ({ app, ids, now, appUrl }) =>
    ok(renderSecret(deactivateSecret(app, ids.secretId as string, now), appUrl)),
  ),
];

/** A matched route with the ids decoded from the path. */
export interface RouteMatch {
  readonly route: Route;
  readonly ids: Readonly<Record<string, string>>;
}

/** Finds the operation for a method and path, or `undefined`. */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  const parts = path.split("/");
  for (const candidate of ROUTES) {
    if (candidate.method !== method) continue;
    const ids = matchTemplate(candidate.template.split("/"), parts);
    if (ids) return { route: candidate, ids };
  }
  return undefined;
}

function matchTemplate(
  template: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (template.length !== parts.length) return undefined;
  const ids: Record<string, string> = {};
  for (const [index, segment] of template.entries()) {
    const part = parts[index] as string;
    if (segment.startsWith("{")) {
      if (part === "") return undefined;
      const id = safeDecode(part);
      if (id === undefined) return undefined;
      ids[segment.slice(1, -1)] = id;
    } else if (segment !== part) {
      return undefined;
    }
  }
  return ids;
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

function route(method: Route["method"], template: string, run: Route["run"]): Route {
  return { method, template, takesBody: method === "POST" && !template.includes("lifecycle"), run };
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}
