import { parseUrl } from "../../parse-url.js";
import type { FetchLike } from "../../transport/fetch-like.js";
import type { PrivateKeyAuthContext } from "../private-key-auth.js";

/** The context after its checks: the org's origin, the fetch for token requests and the clock. */
export interface CheckedPrivateKeyContext {
  readonly orgOrigin: string;
  readonly fetch: FetchLike;
  readonly now: () => number;
}

/**
 * Checks what a caller of `createPrivateKeyAuthenticator` passes besides the options. The client builds this context
 * itself, so only direct callers need these checks, and they load with the rest of private-key auth.
 * @throws {TypeError} naming `context`, `context.fetch`, `context.now` or `context.orgUrl`.
 */
export function checkPrivateKeyContext(context: PrivateKeyAuthContext): CheckedPrivateKeyContext {
  if (typeof context !== "object" || context === null) throw new TypeError("context: expected an object");
  if (typeof context.fetch !== "function") throw new TypeError("context.fetch: expected a function");
  if (context.now !== undefined && typeof context.now !== "function") {
    throw new TypeError("context.now: expected a function returning milliseconds");
  }
  const orgUrl = parseUrl(context.orgUrl);
  if (!orgUrl) throw new TypeError("context.orgUrl: expected an absolute URL");
  return { orgOrigin: orgUrl.origin, fetch: context.fetch, now: context.now ?? Date.now };
}
