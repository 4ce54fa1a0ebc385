import type { FetchLayer } from "./fetch-like.js";
import { holdRequest } from "./keep-alive.js";

/**
 * The innermost transport layer: sends every request with `redirect: "manual"`, so a 3xx comes back as a response
 * (and becomes an `OktaApiError`) instead of being followed, and the `Authorization` header is never replayed to
 * whatever host a `Location` names.
 */
export const withNoRedirects: FetchLayer = (next) => async (request, init) => {
  const manual = new Request(request, { redirect: "manual" });
  const release = holdRequest(manual);
  try {
    return await next(manual, init);
  } finally {
    release();
  }
};
