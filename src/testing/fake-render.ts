import type { ClientSecret, CredentialStatus, Jwk } from "../api/types.js";
import type { StoredJwk, StoredSecret } from "./fake-app.js";

type Links = ClientSecret["_links"];

/** Where each lifecycle link of an object points, relative to the object's own URL, and what it allows. */
const LINKS: Record<
  CredentialStatus,
  readonly [name: keyof Links, suffix: string, method: "POST" | "DELETE"][]
> = {
  ACTIVE: [["deactivate", "/lifecycle/deactivate", "POST"]],
  INACTIVE: [
    ["activate", "/lifecycle/activate", "POST"],
    ["delete", "", "DELETE"],
  ],
};

/** The response body of a key: its members, then Okta's fields, with links that fit its status. */
export function renderJwk(key: StoredJwk, appUrl: string): Jwk {
  return { ...key, _links: links(key.status, `${appUrl}/credentials/jwks/${key.id}`) } as Jwk;
}

/** The response body of a secret, with links that fit its status. */
export function renderSecret(secret: StoredSecret, appUrl: string): ClientSecret {
  return { ...secret, _links: links(secret.status, `${appUrl}/credentials/secrets/${secret.id}`) };
}

function links(status: CredentialStatus, objectUrl: string): Links {
  const out: Links = {};
  for (const [name, suffix, method] of LINKS[status]) {
    out[name] = { href: `${objectUrl}${suffix}`, hints: { allow: [method] } };
  }
  return out;
}
