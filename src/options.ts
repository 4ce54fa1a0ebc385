import type { AuthOption } from "./auth/auth-option.js";
import type { FetchLike } from "./fetch-like.js";

/** Options of {@link createOktaClient}. */
export interface OktaClientOptions {
  /** The org's origin, such as `https://acme.okta.com` (not the `-admin` console); plain http only on loopback. */
  readonly orgUrl: string;
  /** How requests are authenticated. Omit it only when your `fetch` adds credentials itself. */
  readonly auth?: AuthOption | undefined;
  /**
   * The fetch used for every request: a proxy-aware fetch, a faster transport, or a fake for tests.
   * @default globalThis.fetch
   */
  readonly fetch?: FetchLike | undefined;
  /** Your application's product token, sent in front of `okta-app-credentials/<version>` in `User-Agent`. */
  readonly userAgent?: string | undefined;
}

// RFC 9110 product tokens and comments: visible ASCII and spaces, nothing that could break a header.
const USER_AGENT = /^[\x20-\x7E]+$/;

/**
 * Checks the options that are not checked where they are used, before any request is made.
 * @throws {TypeError} naming the option.
 */
export function checkOptions(options: OktaClientOptions): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("options must be an object such as { orgUrl, auth }");
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new TypeError("fetch must be a function");
  }
  if (
    options.userAgent !== undefined &&
    (typeof options.userAgent !== "string" || !USER_AGENT.test(options.userAgent))
  ) {
    throw new TypeError("userAgent must be a non-empty string of printable ASCII characters");
  }
}
