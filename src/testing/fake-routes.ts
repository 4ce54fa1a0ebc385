import { findOperation, type OPERATIONS, type OperationName } from "../api/operations.js";
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

/** The operation a method and path are for, or `undefined` for any other (or an id that does not decode). */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  // findOperation forgives a trailing slash; the fake answers 404 to it, as to any path no operation has.
  const operation = pathname.endsWith("/") ? undefined : findOperation(method, pathname);
  if (!operation) return undefined;
  const template = operation.path.split("/");
  const ids = pathname.split("/").filter((_, i) => template[i]?.startsWith("{"));
  try {
    const [appId = "", id = ""] = ids.map((part) => decodeURIComponent(part));
    return { operation, appId, id };
  } catch {
    return undefined;
  }
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
