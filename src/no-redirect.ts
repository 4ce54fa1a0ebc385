import type { FetchLayer } from "./fetch-like.js";

/**
 * The innermost transport layer: sends every request with `redirect: "manual"`, so a 3xx comes back as a response
 * (and becomes an `OktaApiError`) instead of being followed, and the `Authorization` header is never replayed to
 * whatever host a `Location` names.
 */
export const withNoRedirects: FetchLayer = (next) => (request) =>
  next(new Request(request, { redirect: "manual" }));
