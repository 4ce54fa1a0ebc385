import type { FetchLayer } from "./fetch-like.js";

/**
 * The innermost transport layer: sends every request with `redirect: "manual"`, so a 3xx comes back as a response
 * (and becomes an error) instead of being followed, and no credential is ever replayed to whatever host a
 * `Location` names. The client's own requests are built that way already and pass unchanged.
 */
export const withNoRedirects: FetchLayer = (next) => (request, init) =>
  next(request.redirect === "manual" ? request : new Request(request, { redirect: "manual" }), init);

/**
 * Whether `response` is a redirect rather than an answer: a 3xx, a browser's opaque redirect, or the answer of a
 * fetch that followed one although it was asked not to.
 */
export function isRedirect(response: Response): boolean {
  return (
    response.type === "opaqueredirect" ||
    response.redirected ||
    (response.status >= 300 && response.status < 400)
  );
}
