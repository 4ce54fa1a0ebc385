import { describe, expect, test } from "vitest";
import { createTokenCache, refreshTime } from "../../../src/auth/private-key/token-cache.js";
import type { TokenGrant } from "../../../src/auth/private-key/token-grant.js";

function grant(accessToken: string, expiresIn: number, requestedAt: number): TokenGrant {
  return { accessToken, tokenType: "Bearer", expiresIn, requestedAt };
}

function setup(expiresIn = 3600) {
  const state = { clock: 1_000_000, requests: 0, fail: false };
  const now = () => state.clock;
  const cache = createTokenCache(async () => {
    state.requests += 1;
    await Promise.resolve();
    if (state.fail) throw new Error("token endpoint down");
    return grant(`token-${state.requests}`, expiresIn, state.clock);
  }, now);
  return { state, cache };
}

describe("refreshTime", () => {
  test("keeps a margin of 10 % of the lifetime, at most 60 seconds", () => {
    expect(refreshTime(grant("a", 3600, 0))).toBe(3_540_000);
    expect(refreshTime(grant("a", 300, 0))).toBe(270_000);
    expect(refreshTime(grant("a", 10, 5_000))).toBe(14_000);
  });
});

describe("createTokenCache", () => {
  test("reuses a token until its refresh time, then fetches a new one", async () => {
    const { state, cache } = setup();
    expect((await cache.get()).accessToken).toBe("token-1");
    state.clock += 3_539_999;
    expect((await cache.get()).accessToken).toBe("token-1");
    state.clock += 1;
    expect((await cache.get()).accessToken).toBe("token-2");
    expect(state.requests).toBe(2);
  });

  test("shares one token request among concurrent callers", async () => {
    const { state, cache } = setup();
    const grants = await Promise.all(Array.from({ length: 50 }, () => cache.get()));
    expect(state.requests).toBe(1);
    expect(new Set(grants.map((each) => each.accessToken))).toEqual(new Set(["token-1"]));
  });

  test("tries again on the next call after a failed token request", async () => {
    const { state, cache } = setup();
    state.fail = true;
    await expect(Promise.all([cache.get(), cache.get()])).rejects.toThrow("token endpoint down");
    expect(state.requests).toBe(1);
    state.fail = false;
    expect((await cache.get()).accessToken).toBe("token-2");
  });

  test("forgets the token the API refused, and shares one refresh among every refusal of it", async () => {
    const { state, cache } = setup();
    await cache.get();
    cache.invalidate("token-1");
    const refreshing = cache.get();
    cache.invalidate("token-1");
    expect(await Promise.all([refreshing, cache.get()])).toEqual([
      expect.objectContaining({ accessToken: "token-2" }),
      expect.objectContaining({ accessToken: "token-2" }),
    ]);
    expect(state.requests).toBe(2);
  });

  test("keeps a fresh token when a late refusal names the one before it", async () => {
    const { state, cache } = setup();
    await cache.get();
    cache.invalidate("token-1");
    expect((await cache.get()).accessToken).toBe("token-2");
    cache.invalidate("token-1");
    expect((await cache.get()).accessToken).toBe("token-2");
    expect(state.requests).toBe(2);
  });
});
