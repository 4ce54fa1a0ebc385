import { describe, expect, test } from "vitest";
import type { Authenticator } from "../../src/auth/authenticator.js";
import { createLazyAuthenticator } from "../../src/auth/lazy-authenticator.js";

const REQUEST = () => new Request("https://acme.okta.com/api/v1/apps/0oa1/credentials/jwks");

const bearer: Authenticator = {
  async authorize(request) {
    const authorized = new Request(request);
    authorized.headers.set("Authorization", "Bearer t1");
    return authorized;
  },
};

describe("createLazyAuthenticator", () => {
  test("loads once, on the first call, for any number of calls", async () => {
    let loads = 0;
    const lazy = createLazyAuthenticator(async () => {
      loads += 1;
      return bearer;
    });
    expect(loads).toBe(0);
    const [first, second] = await Promise.all([lazy.authorize(REQUEST()), lazy.authorize(REQUEST())]);
    await lazy.authorize(REQUEST());
    expect(loads).toBe(1);
    expect([first.headers.get("Authorization"), second.headers.get("Authorization")]).toEqual([
      "Bearer t1",
      "Bearer t1",
    ]);
    expect(await lazy.shouldRetry?.(REQUEST(), new Response(null, { status: 401 }))).toBe(false);
  });

  test("rejects every call with what a failed load threw, loading again each time", async () => {
    let loads = 0;
    const lazy = createLazyAuthenticator(async () => {
      loads += 1;
      throw new TypeError("auth.privateKey: the PEM is a public key");
    });
    for (let call = 1; call <= 3; call++) {
      const error = await lazy.authorize(REQUEST()).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe("auth.privateKey: the PEM is a public key");
      expect(loads).toBe(call);
    }
  });

  test("recovers when a load that failed once succeeds on the next call", async () => {
    const outcomes = [new TypeError("Failed to fetch dynamically imported module"), bearer];
    const lazy = createLazyAuthenticator(async () => {
      const next = outcomes.shift();
      if (next instanceof Error) throw next;
      return next ?? bearer;
    });
    await expect(lazy.authorize(REQUEST())).rejects.toThrow("Failed to fetch dynamically imported module");
    expect((await lazy.authorize(REQUEST())).headers.get("Authorization")).toBe("Bearer t1");
    expect(outcomes).toEqual([]);
  });
});
