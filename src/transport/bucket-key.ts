import { findOperation } from "../api/operations.js";

/**
 * The rate-limit bucket of a request: its method and path template, such as
 * `GET /api/v1/apps/{appId}/credentials/jwks`; any other URL falls back to its method and pathname. Okta counts its
 * rate limits per endpoint, not per concrete URL: `…/jwks/pks1` and `…/jwks/pks2` share a budget.
 */
export function bucketKey(method: string, url: string): string {
  const { pathname } = new URL(url);
  return `${method.toUpperCase()} ${findOperation(method, pathname)?.path ?? pathname}`;
}
