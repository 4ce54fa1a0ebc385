import { calculateJwkThumbprint, EmbeddedJWK, type JWK, jwtVerify } from "jose";
import type { FakeOkta } from "okta-app-credentials/testing";
import { check } from "./check.js";

/**
 * The fake behind a token endpoint that verifies the client assertion (signed by `publicJwk`'s private half) and the
 * DPoP proof with jose, and API calls whose DPoP proofs must carry the token's hash and the key it is bound to.
 */
export function verifyingOrg(fake: FakeOkta, publicJwk: JWK, app: { clientId: string; tokenUrl: string }) {
  const counts = { tokens: 0, proofs: 0 };
  let thumbprint = "";
  const verifyProof = async (request: Request, ath?: string) => {
    const { payload, protectedHeader } = await jwtVerify(request.headers.get("DPoP") ?? "", EmbeddedJWK, {
      typ: "dpop+jwt",
    });
    const url = new URL(request.url);
    check(payload.htm === request.method && payload.htu === `${url.origin}${url.pathname}`, "htm and htu");
    check(ath === undefined || payload.ath === ath, "ath of the token");
    counts.proofs++;
    return calculateJwkThumbprint(protectedHeader.jwk as JWK);
  };
  const token = async (request: Request) => {
    const form = new URLSearchParams(await request.text());
    try {
      await jwtVerify(form.get("client_assertion") ?? "", publicJwk, {
        issuer: app.clientId,
        subject: app.clientId,
        audience: app.tokenUrl,
      });
    } catch {
      return Response.json({ error: "invalid_client", error_description: "bad assertion" }, { status: 400 });
    }
    thumbprint = await verifyProof(request);
    counts.tokens++;
    return Response.json({
      access_token: "at-1",
      token_type: "DPoP",
      expires_in: 3600,
      scope: form.get("scope"),
    });
  };
  const api = async (request: Request) => {
    const ath = await sha256(`at-1`);
    check(request.headers.get("Authorization") === "DPoP at-1", "the DPoP token");
    check((await verifyProof(request, ath)) === thumbprint, "the key the token is bound to");
    return fake.fetch(request);
  };
  return {
    get tokens() {
      return counts.tokens;
    },
    get proofs() {
      return counts.proofs;
    },
    fetch: (request: Request) => (request.url === app.tokenUrl ? token(request) : api(request)),
  };
}

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}
