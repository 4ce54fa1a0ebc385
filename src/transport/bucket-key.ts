import { OPERATION_PATHS } from "../api/operations.js";

// Okta counts its rate limits per endpoint, not per concrete URL: `…/jwks/pks1` and `…/jwks/pks2` share a budget.
const MATCHERS = OPERATION_PATHS.map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^/{}]+\}/g, "[^/]+")}/?$`),
}));

/**
 * The rate-limit bucket of a request: its method and path template, such as
 * `GET /api/v1/apps/{appId}/credentials/jwks`; any other URL falls back to its method and pathname.
 */
export function bucketKey(method: string, url: string): string {
  const { pathname } = new URL(url);
  const match = MATCHERS.find((matcher) => matcher.pattern.test(pathname));
  return `${method.toUpperCase()} ${match ? match.template : pathname}`;
}
