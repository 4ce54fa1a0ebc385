import { describe, expect, test } from "vitest";
import { readDpopNonceChallenge } from "../../../src/auth/private-key/dpop-nonce-challenge.js";

function answer(status: number, challenge: string | undefined, nonce: string | undefined): Response {
  const headers = new Headers();
  if (challenge) headers.set("WWW-Authenticate", challenge);
  if (nonce) headers.set("DPoP-Nonce", nonce);
  return new Response(null, { status, headers });
}

describe("readDpopNonceChallenge", () => {
  test("returns the nonce of a 401 use_dpop_nonce challenge", () => {
    const okta =
      'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"';
    expect(readDpopNonceChallenge(answer(401, okta, "n-1"))).toBe("n-1");
    expect(
      readDpopNonceChallenge(answer(401, 'Bearer realm="x", DPoP algs="ES256", error=use_dpop_nonce', "n-2")),
    ).toBe("n-2");
  });

  test("ignores other challenges, statuses and a missing nonce", () => {
    expect(readDpopNonceChallenge(answer(401, 'DPoP error="invalid_token"', "n"))).toBeUndefined();
    expect(readDpopNonceChallenge(answer(401, 'Bearer error="use_dpop_nonce"', "n"))).toBeUndefined();
    expect(readDpopNonceChallenge(answer(401, 'DPoP error="use_dpop_nonce"', undefined))).toBeUndefined();
    expect(readDpopNonceChallenge(answer(403, 'DPoP error="use_dpop_nonce"', "n"))).toBeUndefined();
  });
});
