import { isHttpsOrLoopback, parseUrl } from "../parse-url.js";
import { checkKeyShape } from "./check-key-shape.js";
import { DEFAULT_SCOPES, type PrivateKeyAuth } from "./private-key-auth.js";
import { isSigningAlgorithm, SIGNING_ALGORITHMS, type SigningAlgorithm } from "./signing-algorithm.js";

/** The private-key options after the checks that need no key parsing, with the defaults they can have alone. */
export interface CheckedPrivateKeyOptions {
  readonly clientId: string;
  /** Of the right kind; what it holds is checked later, by `toSigningKey`. */
  readonly privateKey: PrivateKeyAuth["privateKey"];
  readonly algorithm: SigningAlgorithm | undefined;
  readonly keyId: string | undefined;
  readonly scopes: readonly string[];
  readonly dpop: boolean | "auto";
  /** The token endpoint given; its default depends on the org, which comes with the context. */
  readonly tokenUrl: string | undefined;
}

const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/; // RFC 6749 §3.3 scope-token characters

/**
 * Checks every private-key option, and the key's shape, without parsing the key: cheap enough for the first load of
 * an app that may never use private-key auth. Throws a TypeError that names the option (`auth.clientId`,
 * `auth.privateKey`, …); messages never contain key material.
 */
export function checkPrivateKeyOptions(options: unknown): CheckedPrivateKeyOptions {
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
  if (auth.algorithm !== undefined && !isSigningAlgorithm(auth.algorithm)) {
    throw new TypeError(`auth.algorithm: expected one of ${SIGNING_ALGORITHMS.join(", ")}`);
  }
  if (auth.dpop !== undefined && auth.dpop !== true && auth.dpop !== false && auth.dpop !== "auto") {
    throw new TypeError(`auth.dpop: expected true, false or "auto"`);
  }
  checkKeyShape(auth.privateKey);
  return {
    clientId: auth.clientId,
    privateKey: auth.privateKey as PrivateKeyAuth["privateKey"],
    algorithm: auth.algorithm,
    keyId: auth.keyId,
    scopes: checkScopes(auth.scopes),
    dpop: auth.dpop ?? "auto",
    tokenUrl: checkTokenUrl(auth.tokenUrl),
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
