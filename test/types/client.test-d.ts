import { describe, expectTypeOf, test } from "vitest";
import {
  type ClientSecret,
  createOktaClient,
  type EncryptionJwk,
  type Jwk,
  type NewClientSecret,
  type NewJwk,
  type SigningJwk,
} from "../../src/index.js";

const okta = createOktaClient({ orgUrl: "https://acme.okta.com", auth: { type: "apiToken", token: "t" } });
const app = "0oa8kg3bp0aQ7nD0x5d7";

describe("operation results", () => {
  test("key operations resolve to keys", () => {
    expectTypeOf(okta.jwks.list(app)).resolves.toEqualTypeOf<Jwk[]>();
    expectTypeOf(okta.jwks.get(app, "pks1")).resolves.toEqualTypeOf<Jwk>();
    expectTypeOf(okta.jwks.add).returns.resolves.toEqualTypeOf<Jwk>();
    expectTypeOf(okta.jwks.activate(app, "pks1")).resolves.toEqualTypeOf<Jwk>();
    expectTypeOf(okta.jwks.deactivate(app, "pks1")).resolves.toEqualTypeOf<Jwk>();
    expectTypeOf(okta.jwks.delete(app, "pks1")).resolves.toEqualTypeOf<void>();
  });

  test("secret operations resolve to secrets", () => {
    expectTypeOf(okta.secrets.list(app)).resolves.toEqualTypeOf<ClientSecret[]>();
    expectTypeOf(okta.secrets.get(app, "ocs1")).resolves.toEqualTypeOf<ClientSecret>();
    expectTypeOf(okta.secrets.create(app)).resolves.toEqualTypeOf<ClientSecret>();
    expectTypeOf(okta.secrets.activate(app, "ocs1")).resolves.toEqualTypeOf<ClientSecret>();
    expectTypeOf(okta.secrets.deactivate(app, "ocs1")).resolves.toEqualTypeOf<ClientSecret>();
    expectTypeOf(okta.secrets.delete(app, "ocs1")).resolves.toEqualTypeOf<void>();
  });

  test("every field Okta always returns is required", () => {
    expectTypeOf<ClientSecret["client_secret"]>().toEqualTypeOf<string>();
    expectTypeOf<ClientSecret["status"]>().toEqualTypeOf<"ACTIVE" | "INACTIVE">();
    expectTypeOf<Jwk["id"]>().toEqualTypeOf<string>();
    expectTypeOf<Jwk["kid"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Jwk["created"]>().toEqualTypeOf<string>();
  });
});

describe("Jwk narrows on use, then kty", () => {
  test("use narrows to signing or encryption keys", () => {
    const key = {} as Jwk;
    if (key.use === "enc") {
      expectTypeOf(key).toEqualTypeOf<EncryptionJwk>();
      expectTypeOf(key.kty).toEqualTypeOf<"RSA">();
      expectTypeOf(key.n).toEqualTypeOf<string>();
    } else {
      expectTypeOf(key).toEqualTypeOf<SigningJwk>();
      if (key.kty === "EC") {
        expectTypeOf(key.crv).toEqualTypeOf<"P-256" | "P-384" | "P-521">();
        expectTypeOf(key.x).toEqualTypeOf<string>();
      } else {
        expectTypeOf(key.e).toEqualTypeOf<string>();
      }
    }
  });
});

describe("request bodies are checked", () => {
  test("valid bodies compile", () => {
    okta.jwks.add(app, { kty: "RSA", use: "sig", e: "AQAB", n: "0vx7", kid: "k1", alg: "RS256" });
    okta.jwks.add(app, { kty: "EC", use: "sig", crv: "P-256", x: "x", y: "y", status: "INACTIVE" });
    okta.jwks.add(app, { kty: "RSA", use: "enc", e: "AQAB", n: "0vx7", alg: "RSA-OAEP-256" });
    okta.secrets.create(app, { client_secret: "abcdefghijklmnop", status: "INACTIVE" });
    okta.secrets.create(app, {});
    expectTypeOf<NewClientSecret>().toEqualTypeOf<{
      client_secret?: string;
      status?: "ACTIVE" | "INACTIVE";
    }>();
  });

  test("wrong bodies do not", () => {
    // @ts-expect-error an RSA key needs n
    okta.jwks.add(app, { kty: "RSA", use: "sig", e: "AQAB" });
    // @ts-expect-error encryption keys are RSA only
    okta.jwks.add(app, { kty: "EC", use: "enc", crv: "P-256", x: "x", y: "y" });
    // @ts-expect-error use is required
    okta.jwks.add(app, { kty: "RSA", e: "AQAB", n: "0vx7" });
    // @ts-expect-error id is set by Okta, not sent
    okta.jwks.add(app, { kty: "EC", use: "sig", crv: "P-256", x: "x", y: "y", id: "pks1" });
    // @ts-expect-error status is ACTIVE or INACTIVE
    okta.secrets.create(app, { status: "DELETED" });
    // @ts-expect-error status is ACTIVE or INACTIVE
    okta.jwks.add(app, { kty: "EC", use: "sig", crv: "P-256", x: "x", y: "y", status: "PENDING" });
    const body = {} as NewJwk;
    okta.jwks.add(app, body);
  });

  test("ids are required", () => {
    // @ts-expect-error keyId is missing
    okta.jwks.get(app);
    // @ts-expect-error secretId is missing
    okta.secrets.delete(app);
    // @ts-expect-error appId is missing
    okta.jwks.list();
  });
});
