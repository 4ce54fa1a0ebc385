/** The twelve operations' facade methods, as `okta.<group>.<method>`. */
export type OperationName = (typeof OPERATIONS)[number]["name"];

/** One operation of the curated spec, described once for the facade, the transport, the CLI and the fake. */
export interface Operation {
  /** The facade method: `jwks.list`, `secrets.create`, … */
  readonly name: `${"jwks" | "secrets"}.${string}`;
  /** Okta's operationId, as the spec and Okta's docs spell it. */
  readonly operationId: string;
  readonly method: "GET" | "POST" | "DELETE";
  /** The path template, as the spec spells it. */
  readonly path: string;
  /** The OAuth 2.0 scope an access token needs for it. */
  readonly scope: "okta.apps.read" | "okta.apps.manage";
  /**
   * Whether sending it twice leaves Okta as sending it once did, so it may be repeated after a 5xx, a dropped
   * connection or a timeout. Creating a key or a secret is not: a second attempt could create a second one.
   */
  readonly repeatable: boolean;
  /** Whether it takes a JSON body: `required`, `optional` or `none`. */
  readonly body: "required" | "optional" | "none";
  /** The status of its success response. */
  readonly success: 200 | 201 | 204;
}

const JWKS = "/api/v1/apps/{appId}/credentials/jwks";
const JWK = `${JWKS}/{keyId}`;
const SECRETS = "/api/v1/apps/{appId}/credentials/secrets";
const SECRET = `${SECRETS}/{secretId}`;
const READ = "okta.apps.read";
const MANAGE = "okta.apps.manage";

/**
 * The twelve operations of Okta's Application SSO Public Keys API.
 * @see https://developer.okta.com/docs/api/openapi/okta-management/management/tag/ApplicationSSOPublicKeys/
 */
export const OPERATIONS = [
  op("jwks.list", "listJwk", "GET", JWKS, READ, true, "none", 200),
  op("jwks.add", "addJwk", "POST", JWKS, MANAGE, false, "required", 201),
  op("jwks.get", "getJwk", "GET", JWK, READ, true, "none", 200),
  op("jwks.delete", "deletejwk", "DELETE", JWK, MANAGE, true, "none", 204),
  op("jwks.activate", "activateOAuth2ClientJsonWebKey", "POST", `${JWK}/lifecycle/activate`, MANAGE),
  op("jwks.deactivate", "deactivateOAuth2ClientJsonWebKey", "POST", `${JWK}/lifecycle/deactivate`, MANAGE),
  op("secrets.list", "listOAuth2ClientSecrets", "GET", SECRETS, READ, true, "none", 200),
  op("secrets.create", "createOAuth2ClientSecret", "POST", SECRETS, MANAGE, false, "optional", 201),
  op("secrets.get", "getOAuth2ClientSecret", "GET", SECRET, READ, true, "none", 200),
  op("secrets.delete", "deleteOAuth2ClientSecret", "DELETE", SECRET, MANAGE, true, "none", 204),
  op("secrets.activate", "activateOAuth2ClientSecret", "POST", `${SECRET}/lifecycle/activate`, MANAGE),
  op("secrets.deactivate", "deactivateOAuth2ClientSecret", "POST", `${SECRET}/lifecycle/deactivate`, MANAGE),
] as const;

/** `pathname` matched against every path template: the template's pattern, compiled once. */
const PATTERNS = OPERATIONS.map((operation) => ({
  operation,
  pattern: new RegExp(`^${operation.path.replace(/\{[^/{}]+\}/g, "[^/]+")}/?$`),
}));

/**
 * The operation a request is for, by its method and URL path (already percent-encoded, as in a `URL`), or
 * `undefined` for any other request.
 */
export function findOperation(method: string, pathname: string): (typeof OPERATIONS)[number] | undefined {
  const upper = method.toUpperCase();
  return PATTERNS.find((entry) => entry.operation.method === upper && entry.pattern.test(pathname))
    ?.operation;
}

/** The operation with this facade name. */
export function operationNamed<Name extends OperationName>(
  name: Name,
): Extract<(typeof OPERATIONS)[number], { name: Name }> {
  return OPERATIONS.find((operation) => operation.name === name) as Extract<
    (typeof OPERATIONS)[number],
    { name: Name }
  >;
}

function op<const Name extends string, const Path extends string>(
  name: Name & Operation["name"],
  operationId: string,
  method: Operation["method"],
  path: Path,
  scope: Operation["scope"],
  repeatable = true,
  body: Operation["body"] = "none",
  success: Operation["success"] = 200,
) {
  return { name, operationId, method, path, scope, repeatable, body, success } as const satisfies Operation;
}
