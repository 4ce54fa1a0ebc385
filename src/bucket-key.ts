/**
 * The path templates of the twelve operations, each one rate-limit bucket per method. Okta counts its limits per
 * endpoint, not per concrete URL, so `…/jwks/pks1` and `…/jwks/pks2` share a budget.
 */
const TEMPLATES: readonly string[] = [
  "/api/v1/apps/{appId}/credentials/jwks",
  "/api/v1/apps/{appId}/credentials/jwks/{keyId}",
  "/api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/activate",
  "/api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/deactivate",
  "/api/v1/apps/{appId}/credentials/secrets",
  "/api/v1/apps/{appId}/credentials/secrets/{secretId}",
  "/api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/activate",
  "/api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/deactivate",
];

const MATCHERS = TEMPLATES.map((template) => ({
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
