import { OPERATIONS, type OperationName } from "../api/operations.js";
import { credentialHandlers, type Handler } from "./fake-credentials.js";
import { JWKS } from "./fake-jwks.js";
import { SECRETS } from "./fake-secrets.js";

/** A request matched to one of the twelve operations, with the ids of its path, percent-decoded. */
export interface RouteMatch {
  readonly operation: (typeof OPERATIONS)[number];
  readonly appId: string;
  /** The key or secret id; empty for the operations on the whole list. */
  readonly id: string;
}

// Each template compiled once; a parameter is one non-empty path segment.
const ROUTES = OPERATIONS.map((operation) => ({
  operation,
  pattern: new RegExp(`^${operation.path.replace(/\{\w+\}/g, "([^/]+)")}$`),
}));

/** The operation a method and path are for, or `undefined` for any other (or an id that does not decode). */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  for (const { operation, pattern } of ROUTES) {
    const match = operation.method === method ? pattern.exec(pathname) : null;
    if (!match) continue;
    try {
      const [appId, id = ""] = match.slice(1).map((part) => decodeURIComponent(part)) as [string, string?];
      return { operation, appId, id };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const jwks = credentialHandlers(JWKS);
const secrets = credentialHandlers(SECRETS);

/** What the fake does for each of the twelve operations, by the operation's name. */
export const HANDLERS: Readonly<Record<OperationName, Handler>> = {
  "jwks.list": jwks.list,
  "jwks.add": jwks.create,
  "jwks.get": jwks.get,
  "jwks.delete": jwks.delete,
  "jwks.activate": jwks.activate,
  "jwks.deactivate": jwks.deactivate,
  "secrets.list": secrets.list,
  "secrets.create": secrets.create,
  "secrets.get": secrets.get,
  "secrets.delete": secrets.delete,
  "secrets.activate": secrets.activate,
  "secrets.deactivate": secrets.deactivate,
};
