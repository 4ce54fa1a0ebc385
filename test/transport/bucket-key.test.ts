import { describe, expect, test } from "vitest";
import { bucketKey } from "../../src/transport/bucket-key.js";

const ORG = "https://acme.okta.com";

describe("bucketKey", () => {
  test.each([
    ["GET", "/api/v1/apps/0oa1/credentials/jwks", "GET /api/v1/apps/{appId}/credentials/jwks"],
    ["post", "/api/v1/apps/0oa1/credentials/jwks", "POST /api/v1/apps/{appId}/credentials/jwks"],
    ["GET", "/api/v1/apps/0oa2/credentials/jwks/pks9", "GET /api/v1/apps/{appId}/credentials/jwks/{keyId}"],
    [
      "DELETE",
      "/api/v1/apps/0oa2/credentials/jwks/pks9",
      "DELETE /api/v1/apps/{appId}/credentials/jwks/{keyId}",
    ],
    [
      "POST",
      "/api/v1/apps/0oa2/credentials/jwks/pks9/lifecycle/activate",
      "POST /api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/activate",
    ],
    [
      "POST",
      "/api/v1/apps/0oa2/credentials/secrets/ocs1/lifecycle/deactivate",
      "POST /api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/deactivate",
    ],
    ["GET", "/api/v1/apps/0oa2/credentials/secrets?limit=2", "GET /api/v1/apps/{appId}/credentials/secrets"],
    ["GET", "/api/v1/apps/0oa2/credentials/jwks/", "GET /api/v1/apps/{appId}/credentials/jwks"],
    ["GET", "/api/v1/apps/0oa2/credentials/jwks/pks9#x", "GET /api/v1/apps/{appId}/credentials/jwks/{keyId}"],
    [
      "GET",
      "/api/v1/apps/0oa2/credentials/jwks/pks9/extra",
      "GET /api/v1/apps/0oa2/credentials/jwks/pks9/extra",
    ],
    ["GET", "/api/v1/users/00u1", "GET /api/v1/users/00u1"],
  ])("%s %s is in bucket %s", (method, path, key) => {
    expect(bucketKey(method, `${ORG}${path}`)).toBe(key);
  });

  test("takes the pathname of a URL without a path as /", () => {
    expect(bucketKey("get", ORG)).toBe("GET /");
  });

  test("puts different keys of one app in the same bucket", () => {
    expect(bucketKey("GET", `${ORG}/api/v1/apps/a/credentials/jwks/k1`)).toBe(
      bucketKey("GET", `${ORG}/api/v1/apps/b/credentials/jwks/k2`),
    );
  });
});
