import { isSigningAlg, SIGNING_ALGS, type SigningAlg } from "../keys/algorithms.js";
import { isHttpsOrLoopback, parseUrl } from "../org-url.js";
import { checkKeyShape, type KeyShape } from "./check-key-shape.js";
import { DEFAULT_SCOPES, type PrivateKeyAuth } from "./private-key-auth.js";

/** The private-key options after the checks that need no key parsing, with every default filled in. */
export interface CheckedPrivateKeyOptions {
  readonly clientId: string;
  /** Of the right kind; what it holds is checked on first use, by `toSigningKey`. */
  readonly privateKey: KeyShape;
  readonly algorithm: SigningAlg | undefined;
  readonly keyId: string | undefined;
  readonly scopes: readonly string[];
  readonly dpop: boolean | "auto";
  readonly tokenUrl: string;
}

const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/; // RFC 6749 §3.3 scope-token characters

/**
 * Checks every private-key option, and the key's shape, without parsing the key: cheap enough for the first load of
 * an app that may never use private-key auth. `tokenUrl` defaults to the token endpoint of the org at `orgOrigin`.
 * Throws a TypeError that names the option (`auth.clientId`, `auth.privateKey`, …); messages never contain key
 * material.
 */
export function checkPrivateKeyOptions(options: unknown, orgOrigin: string): CheckedPrivateKeyOptions {
  if (typeof options !== "object" || options === null)
    throw new TypeError("auth: expected an options object");
  const auth = options as Partial<Record<keyof PrivateKeyAuth, unknown>>;
  if (auth.type !== "privateKey") throw new TypeError(`auth.type: expected "privateKey"`);
  if (typeof auth.clientId !== "string" || !/^\S+$/.test(auth.clientId)) {
    throw new TypeError("auth.clientId: expected the app's client id, a non-empty string without spaces");
  }
  if (auth.keyId !== undefined && (typeof auth.keyId !== "string" || auth.keyId.trim() === "")) {
    throw new TypeError("auth.keyId: expected a non-empty string");
  }
  if (auth.algorithm !== undefined && !isSigningAlg(auth.algorithm)) {
    throw new TypeError(`auth.algorithm: expected one of ${SIGNING_ALGS.join(", ")}`);
  }
  if (auth.dpop !== undefined && auth.dpop !== true && auth.dpop !== false && auth.dpop !== "auto") {
    throw new TypeError(`auth.dpop: expected true, false or "auto"`);
  }
  return {
    clientId: auth.clientId,
    privateKey: checkKeyShape(auth.privateKey),
    algorithm: auth.algorithm,
    keyId: auth.keyId,
    scopes: checkScopes(auth.scopes),
    dpop: auth.dpop ?? "auto",
    tokenUrl: checkTokenUrl(auth.tokenUrl) ?? `${orgOrigin}/oauth2/v1/token`,
  };
}

function checkScopes(scopes: unknown): readonly string[] {
  if (scopes === undefined) return DEFAULT_SCOPES;
  if (!Array.isArray(scopes) || scopes.length === 0) {
    throw new TypeError("auth.scopes: expected a non-empty array of scope names");
  }
  for (const scope of scopes) {
    if (typeof scope !== "string" || !SCOPE_TOKEN.test(scope)) {
      throw new TypeError("auth.scopes: every scope must be a non-empty string without spaces or quotes");
    }
  }
  return [...(scopes as string[])];
}

function checkTokenUrl(tokenUrl: unknown): string | undefined {
  if (tokenUrl === undefined) return undefined;
  const url = parseUrl(tokenUrl);
  if (!url || url.username || url.password || url.search || url.hash) {
    throw new TypeError("auth.tokenUrl: expected an absolute URL without credentials, query or fragment");
  }
  if (!isHttpsOrLoopback(url)) {
    throw new TypeError("auth.tokenUrl: expected an https URL (plain http only for loopback hosts)");
  }
  return url.href;
}
