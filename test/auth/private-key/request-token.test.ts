import { decodeJwt, decodeProtectedHeader } from "jose";
import { beforeAll, describe, expect, test } from "vitest";
import { checkKeyShape } from "../../../src/auth/check-key-shape.js";
import { createDpopProver } from "../../../src/auth/private-key/dpop-prover.js";
import { requestToken, type TokenRequestContext } from "../../../src/auth/private-key/request-token.js";
import { toSigningKey } from "../../../src/auth/private-key/signing-key.js";
import { OktaConnectionError, OktaOAuthError, OktaTimeoutError } from "../../../src/errors/okta-errors.js";
import { makeTestKey, type TestKey } from "../../helpers/keys.js";

const TOKEN_URL = "https://acme.okta.com/oauth2/v1/token";
const NOW = 1_800_000_000_000;
let ec: TestKey;

beforeAll(async () => {
  ec = await makeTestKey("ES256");
});

function context(
  fetch: (request: Request) => Promise<Response>,
  dpop: boolean | "auto",
): TokenRequestContext {
  const prover = createDpopProver(() => NOW);
  return {
    clientId: "0oa1",
    signingKey: () => toSigningKey(checkKeyShape(ec.pkcs8), undefined),
    keyId: "k1",
    scopes: ["okta.apps.read"],
    tokenUrl: TOKEN_URL,
    fetch,
    now: () => NOW,
    prover: () => prover,
    nonces: new Map(),
    dpop,
  };
}

function oauthError(error: string, nonce?: string): Response {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (nonce) headers["DPoP-Nonce"] = nonce;
  return new Response(JSON.stringify({ error }), { status: 400, headers });
}

describe("requestToken", () => {
  test("posts the client credentials form with a signed assertion", async () => {
    const seen: Request[] = [];
    const grant = await requestToken(
      context(async (request) => {
        seen.push(request.clone());
        return Response.json({ access_token: "at", token_type: "bearer", expires_in: "600" });
      }, false),
    );
    expect(grant).toEqual({ accessToken: "at", tokenType: "Bearer", expiresIn: 600, requestedAt: NOW });
    const [request] = seen;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(TOKEN_URL);
    expect(request?.headers.get("Content-Type")).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.headers.has("DPoP")).toBe(false);
    const form = new URLSearchParams(await request?.text());
    expect([...form.keys()]).toEqual(["grant_type", "scope", "client_assertion_type", "client_assertion"]);
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    const assertion = form.get("client_assertion") ?? "";
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: "ES256", kid: "k1" });
    expect(decodeJwt(assertion)).toMatchObject({
      iss: "0oa1",
      sub: "0oa1",
      aud: TOKEN_URL,
      exp: NOW / 1000 + 300,
    });
  });

  test("sends the token endpoint's nonce once, then gives up on a second demand", async () => {
    const nonces: unknown[] = [];
    const error = await requestToken(
      context(async (request) => {
        nonces.push(decodeJwt(request.headers.get("DPoP") ?? "").nonce);
        return oauthError("use_dpop_nonce", `n${nonces.length}`);
      }, true),
    ).catch((caught: unknown) => caught);
    expect(nonces).toEqual([undefined, "n1"]);
    expect(error).toMatchObject({ status: 400, error: "use_dpop_nonce" });
  });

  test("switches to DPoP at most once in auto mode", async () => {
    const proofs: boolean[] = [];
    const state = context(async (request) => {
      proofs.push(request.headers.has("DPoP"));
      return oauthError("invalid_dpop_proof");
    }, "auto");
    await expect(requestToken(state)).rejects.toBeInstanceOf(OktaOAuthError);
    expect(proofs).toEqual([false, true]);
    expect(state.dpop).toBe(true);
  });

  test("reports an unreachable token endpoint as an OktaConnectionError", async () => {
    const cause = new TypeError("fetch failed");
    const error = await requestToken(
      context(async () => {
        throw cause;
      }, false),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OktaConnectionError);
    expect(error).toMatchObject({ request: { method: "POST", url: TOKEN_URL }, cause });
  });

  test("passes the timeout layer's errors through unchanged", async () => {
    const timeout = new OktaTimeoutError({ method: "POST", url: TOKEN_URL }, 50);
    const error = await requestToken(
      context(async () => {
        throw timeout;
      }, false),
    ).catch((caught: unknown) => caught);
    expect(error).toBe(timeout);
  });

  test("does not hint at DPoP for unrelated errors", async () => {
    const error = await requestToken(context(async () => oauthError("invalid_scope"), false)).catch(
      (caught: unknown) => caught,
    );
    expect((error as Error).message).toBe(`400 invalid_scope (POST ${TOKEN_URL})`);
  });
});
