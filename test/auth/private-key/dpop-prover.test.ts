import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, type JWK, jwtVerify } from "jose";
import { describe, expect, test } from "vitest";
import { createDpopProver, hashAccessToken, toHtu } from "../../../src/auth/private-key/dpop-prover.js";

const NOW = 1_800_000_000_000;

async function verify(proof: string) {
  return jwtVerify(proof, EmbeddedJWK, {
    typ: "dpop+jwt",
    algorithms: ["ES256"],
    currentDate: new Date(NOW),
  });
}

describe("createDpopProver", () => {
  test("signs an ES256 proof with the public key in its header", async () => {
    const proof = await createDpopProver(() => NOW).proof({
      method: "post",
      url: "https://acme.okta.com/t?q=1#f",
    });
    const { payload, protectedHeader } = await verify(proof);
    expect(protectedHeader).toMatchObject({
      alg: "ES256",
      typ: "dpop+jwt",
      jwk: { kty: "EC", crv: "P-256" },
    });
    expect(Object.keys(protectedHeader.jwk ?? {}).sort()).toEqual(["crv", "kty", "x", "y"]);
    expect(payload).toEqual({
      htm: "POST",
      htu: "https://acme.okta.com/t",
      iat: NOW / 1000,
      jti: payload.jti,
    });
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("adds ath and nonce when given", async () => {
    const prover = createDpopProver(() => NOW);
    const proof = await prover.proof({
      method: "GET",
      url: "https://acme.okta.com/api/v1/x",
      accessToken: "t",
      nonce: "n1",
    });
    const { payload } = await verify(proof);
    expect(payload).toMatchObject({ ath: await hashAccessToken("t"), nonce: "n1" });
  });

  test("keeps one key per prover and a fresh jti per proof", async () => {
    const prover = createDpopProver(() => NOW);
    const proofs = await Promise.all(
      [1, 2, 3].map(() => prover.proof({ method: "GET", url: "https://a.b/c" })),
    );
    const keys = await Promise.all(
      proofs.map((proof) => calculateJwkThumbprint(decodeProtectedHeader(proof).jwk as JWK)),
    );
    expect(new Set(keys).size).toBe(1);
    const jtis = await Promise.all(proofs.map(async (proof) => (await verify(proof)).payload.jti));
    expect(new Set(jtis).size).toBe(3);
    const another = await createDpopProver(() => NOW).proof({ method: "GET", url: "https://a.b/c" });
    expect(await calculateJwkThumbprint(decodeProtectedHeader(another).jwk as JWK)).not.toBe(keys[0]);
  });
});

describe("hashAccessToken", () => {
  test("matches the example of RFC 9449 section 7.1", async () => {
    expect(await hashAccessToken("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU")).toBe(
      "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo",
    );
  });
});

describe("toHtu", () => {
  test("drops query and fragment and keeps the path", () => {
    expect(toHtu("https://acme.okta.com:8443/api/v1/apps/0oa1/credentials/jwks?limit=2#top")).toBe(
      "https://acme.okta.com:8443/api/v1/apps/0oa1/credentials/jwks",
    );
  });
});
