import { describe, expect, test } from "vitest";
import { createFakeOkta } from "../../src/testing/index.js";
import { ecJwk } from "../helpers/fake-org.js";

describe("createFakeOkta: addApp", () => {
  test("refuses the second of two concurrent calls with one id, and keeps the first app", async () => {
    const fake = await createFakeOkta();
    const key = await ecJwk("k");
    const [first, second] = await Promise.allSettled([
      fake.addApp({ id: "0oaSame", tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] }),
      fake.addApp({ id: "0oaSame", tokenEndpointAuthMethod: "private_key_jwt", jwks: [key] }),
    ]);
    expect(first).toEqual({ status: "fulfilled", value: "0oaSame" });
    expect(second.status).toBe("rejected");
    const reason = second.status === "rejected" ? (second.reason as unknown) : undefined;
    expect(reason).toBeInstanceOf(TypeError);
    expect((reason as TypeError).message).toBe("app.id 0oaSame is already an app of this fake");
    expect(fake.appIds()).toEqual(["0oaSame"]);
    const state = fake.state("0oaSame");
    expect([state.tokenEndpointAuthMethod, state.secrets.length, state.jwks.length]).toEqual([
      "client_secret_basic",
      1,
      0,
    ]);
  });

  test("refuses an id taken by an app added without seeds, even before that call settles", async () => {
    const fake = await createFakeOkta();
    const first = fake.addApp({ id: "0oaBare", tokenEndpointAuthMethod: "none" });
    const second = fake.addApp({ id: "0oaBare", tokenEndpointAuthMethod: "none" });
    await expect(second).rejects.toThrow(TypeError);
    await expect(first).resolves.toBe("0oaBare");
  });

  test("frees the id of an app whose seed is refused", async () => {
    const fake = await createFakeOkta();
    const refused = fake.addApp({
      id: "0oaRetry",
      tokenEndpointAuthMethod: "private_key_jwt",
      secrets: [{ client_secret: "a-supplied-secret-of-some-length" }],
    });
    await expect(refused).rejects.toThrow(/^app\.secrets\[0\] is refused: 'client_secret' can't be used/);
    expect(fake.appIds()).toEqual([]);
    await expect(fake.addApp({ id: "0oaRetry", tokenEndpointAuthMethod: "none" })).resolves.toBe("0oaRetry");
  });
});
