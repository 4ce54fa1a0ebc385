import { operationNamed } from "../api/operations.js";
import { toTarget } from "../api/target.js";
import type { CredentialStatus } from "../api/types.js";
import type { FakeAppState, StoredJwk, StoredSecret } from "./fake-app.js";
import { breaks, notFound, type RuleName } from "./fake-refusal.js";

/** A stored key or secret: what every lifecycle step reads and changes. */
export type StoredCredential = StoredJwk | StoredSecret;

/** One kind of credential: where an app keeps it, and the rules that differ between keys and secrets. */
export interface CredentialKind<Stored extends StoredCredential> {
  /** The operations' group in `OPERATIONS`. */
  readonly group: "jwks" | "secrets";
  /** The app's credentials of this kind, in the order they were added. */
  readonly of: (app: FakeAppState) => Stored[];
  /** The type Okta names in a 404. */
  readonly type: "JsonWebKey" | "OAuth2ClientSecretMediated";
  /** The rule that keeps an active credential from being deleted. */
  readonly deleteActive: RuleName;
  /** Checks a request body and adds a credential under the app's rules. @throws {FakeRefusal} 400 */
  create(app: FakeAppState, body: unknown, now: string): Stored | Promise<Stored>;
  /** What activating the inactive `item` changes besides its own status. */
  beforeActivate?(app: FakeAppState, item: Stored, now: string): void;
  /** The rule that deactivating the active `item` would break, if any. */
  deactivationRefusal(app: FakeAppState, item: Stored): RuleName | undefined;
}

/** What an operation's handler sees: the app (already found), the credential id, the JSON body and the time. */
export interface HandlerContext {
  readonly app: FakeAppState;
  /** The key or secret id from the path; empty for the operations on the whole list. */
  readonly id: string;
  readonly body: unknown;
  readonly now: string;
  /** The origin the request came to, the base of every link. */
  readonly origin: string;
}

/** Answers one operation with the body of its success response, if any, or throws a `FakeRefusal`. */
export type Handler = (context: HandlerContext) => unknown;

/** Which lifecycle links a credential carries in each status; each names the operation it points to. */
const LINKS = { ACTIVE: ["deactivate"], INACTIVE: ["activate", "delete"] } as const;

/** The six operations on one kind of credential: list, create, get, delete, activate and deactivate. */
export function credentialHandlers<S extends StoredCredential>(kind: CredentialKind<S>) {
  const find = ({ app, id }: HandlerContext): S => {
    const item = kind.of(app).find((candidate) => candidate.id === id);
    if (!item) throw notFound(id, kind.type);
    return item;
  };
  const render = (c: HandlerContext, item: S) => renderCredential(kind.group, item, c.app.id, c.origin);
  return {
    list: (c: HandlerContext) => kind.of(c.app).map((item) => render(c, item)),
    create: async (c: HandlerContext) => render(c, await kind.create(c.app, c.body, c.now)),
    get: (c: HandlerContext) => render(c, find(c)),
    delete(c: HandlerContext): void {
      const item = find(c);
      if (item.status === "ACTIVE") throw breaks(kind.deleteActive);
      kind.of(c.app).splice(kind.of(c.app).indexOf(item), 1);
    },
    activate(c: HandlerContext) {
      const item = find(c);
      if (item.status === "INACTIVE") {
        kind.beforeActivate?.(c.app, item, c.now);
        setStatus(item, "ACTIVE", c.now);
      }
      return render(c, item);
    },
    deactivate(c: HandlerContext) {
      const item = find(c);
      const refusal = item.status === "ACTIVE" ? kind.deactivationRefusal(c.app, item) : undefined;
      if (refusal) throw breaks(refusal);
      return render(c, setStatus(item, "INACTIVE", c.now));
    },
  } satisfies Record<string, Handler>;
}

/** Sets a credential's status, and `lastUpdated` when the status changes. */
export function setStatus<S extends StoredCredential>(item: S, status: CredentialStatus, now: string): S {
  if (item.status !== status) {
    item.status = status;
    item.lastUpdated = now;
  }
  return item;
}

/** The response body of a credential: its members, then `_links` whose paths and methods are the operations'. */
function renderCredential(group: "jwks" | "secrets", item: StoredCredential, appId: string, origin: string) {
  const links = LINKS[item.status].map((verb) => {
    const { method, path } = operationNamed(`${group}.${verb}`);
    const { url } = toTarget(origin, method, path, { appId, keyId: item.id, secretId: item.id });
    return [verb, { href: url, hints: { allow: [method] } }];
  });
  return { ...item, _links: Object.fromEntries(links) };
}
