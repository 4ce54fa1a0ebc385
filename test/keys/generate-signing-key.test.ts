import { decodeProtectedHeader, importJWK, type JWK, jwtVerify, SignJWT } from "jose";
import { describe, expect, test } from "vitest";
import { PRIVATE_JWK_MEMBERS } from "../../src/api/check-new-jwk.js";
import { createOktaClient } from "../../src/client.js";
import { generateSigningKey } from "../../src/keys/generate-signing-key.js";
import { rsaModulusBits } from "../../src/keys/rsa-modulus-bits.js";

/** The client assertion a client with this private-key auth sends to the token endpoint on its first call. */
async function firstAssertion(auth: {
  privateKey: string;
  algorithm?: string;
  keyId?: string;
}): Promise<string> {
  let assertion = "";
  const fetch = async (request: Request) => {
    if (!request.url.endsWith("/oauth2/v1/token")) return Response.json([]);
    assertion = new URLSearchParams(await request.text()).get("client_assertion") ?? "";
    return Response.json({ access_token: "at", token_type: "Bearer", expires_in: 3600 });
  };
  const okta = createOktaClient({
    orgUrl: "https://acme.okta.com",
    fetch,
    auth: { type: "privateKey", clientId: "0oa1", dpop: false, ...auth },
  });
  await okta.jwks.list("0oa1");
  return assertion;
}

describe("generateSigningKey", () => {
  test("generates an ES256 pair by default whose public JWK verifies what the private key signs", async () => {
    const { privateKeyPem, privateKey, publicJwk, algorithm, keyId } = await generateSigningKey();
    expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(publicJwk).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig", kid: keyId });
    expect(algorithm).toBe("ES256");
    for (const member of PRIVATE_JWK_MEMBERS) expect(publicJwk).not.toHaveProperty(member);
    const token = await new SignJWT({ sub: "0oa1" })
      .setProtectedHeader({ alg: "ES256", kid: keyId })
      .sign(privateKey);
    const { payload } = await jwtVerify(token, await importJWK(publicJwk as JWK, "ES256"));
    expect(payload.sub).toBe("0oa1");
  });

  test("generates a 2048-bit RSA pair for RS384", async () => {
    const { publicJwk } = await generateSigningKey({ alg: "RS384" });
    expect(publicJwk).toMatchObject({ kty: "RSA", alg: "RS384" });
    expect(rsaModulusBits((publicJwk as { n: string }).n)).toBe(2048);
  });

  test.each(["RS384", "RS512", "ES384"] as const)(
    "gives %s auth from the stored PEM what it needs to sign as the registered key",
    async (alg) => {
      const { privateKeyPem, publicJwk, algorithm, keyId } = await generateSigningKey({ alg });
      const assertion = await firstAssertion({ privateKey: privateKeyPem, algorithm, keyId });
      expect(decodeProtectedHeader(assertion)).toEqual({ alg, kid: publicJwk.kid });
      const { payload } = await jwtVerify(assertion, await importJWK(publicJwk as JWK));
      expect(payload.sub).toBe("0oa1");
    },
  );

  test("refuses an algorithm Okta does not sign assertions with", async () => {
    await expect(generateSigningKey({ alg: "HS256" as "RS256" })).rejects.toThrow(
      "options.alg must be one of RS256, RS384, RS512, ES256, ES384, ES512",
    );
  });
});
