import { isHttpsOrLoopback, parseUrl } from "../../org-url.js";
import type { PrivateKeyAuthContext } from "../private-key-auth.js";
import type { TokenRequester } from "./key-authenticator.js";

/** The context after its checks: the org's origin, the fetch for token requests and the clock. */
export interface CheckedPrivateKeyContext extends TokenRequester {
  readonly orgOrigin: string;
}

/**
 * Checks what a caller of `createPrivateKeyAuthenticator` passes besides the options; `orgUrl` obeys the client's
 * rule: https, or plain http to a loopback host. The client builds this context itself and skips these checks.
 * @throws {TypeError} naming `context`, `context.fetch`, `context.now` or `context.orgUrl`.
 */
export function checkPrivateKeyContext(context: PrivateKeyAuthContext): CheckedPrivateKeyContext {
  if (typeof context !== "object" || context === null) throw new TypeError("context: expected an object");
  if (typeof context.fetch !== "function") throw new TypeError("context.fetch: expected a function");
  if (context.now !== undefined && typeof context.now !== "function") {
    throw new TypeError("context.now: expected a function returning milliseconds");
  }
  const orgUrl = parseUrl(context.orgUrl);
  if (!orgUrl || !isHttpsOrLoopback(orgUrl)) {
    throw new TypeError("context.orgUrl: expected an https URL (plain http only for loopback hosts)");
  }
  return { orgOrigin: orgUrl.origin, fetch: context.fetch, now: context.now ?? Date.now };
}
