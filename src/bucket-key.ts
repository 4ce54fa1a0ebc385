import { pathnameOf } from "./pathname-of.js";

/**
 * The paths of the twelve operations: `…/{appId}/credentials/jwks` or `…/secrets`, optionally followed by an id and
 * a lifecycle action. Okta counts its limits per endpoint, not per concrete URL, so `…/jwks/pks1` and `…/jwks/pks2`
 * share a budget.
 */
const OPERATION_PATH =
  /^\/api\/v1\/apps\/[^/]+\/credentials\/(jwks|secrets)(\/[^/]+(\/lifecycle\/(?:activate|deactivate))?)?\/?$/;

const ID_NAME = { jwks: "keyId", secrets: "secretId" } as const;

/**
 * The rate-limit bucket of a request: its method and path template, such as
 * `GET /api/v1/apps/{appId}/credentials/jwks`; any other URL falls back to its method and pathname.
 */
export function bucketKey(method: string, url: string): string {
  const path = pathnameOf(url);
  const match = OPERATION_PATH.exec(path);
  if (!match) return `${method.toUpperCase()} ${path}`;
  const [, collection, id, action = ""] = match as unknown as [
    string,
    keyof typeof ID_NAME,
    string?,
    string?,
  ];
  const rest = id === undefined ? "" : `/{${ID_NAME[collection]}}${action}`;
  return `${method.toUpperCase()} /api/v1/apps/{appId}/credentials/${collection}${rest}`;
}
