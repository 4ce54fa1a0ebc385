import { describe, expect, test } from "vitest";
import { isOktaApiError } from "../../src/index.js";
import { FAKE_OKTA_RULES } from "../../src/testing/index.js";
import { ecJwk, fakeOrg, rsaJwk } from "../helpers/fake-org.js";

const [, ONLY_KEY] = FAKE_OKTA_RULES.deactivateOnlyKeyWithPrivateKeyJwt;

/** The first cause of the refusal `promise` ends in, or `undefined` when it succeeds. */
async function causeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) return undefined;
  if (!isOktaApiError(error)) throw error;
  return error.errorCauses[0];
}

describe("the fake's JSON Web Keys: deactivating a private_key_jwt app's keys", () => {
  test("keeps the only active key when it is an encryption key", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: [await rsaJwk("enc1", "enc")],
    });
    const id = fake.state(appId).jwks[0]?.id as string;
    expect(await causeOf(okta.jwks.deactivate(appId, id))).toBe(ONLY_KEY);
    expect(fake.state(appId).jwks.map((key) => key.status)).toEqual(["ACTIVE"]);
  });

  test("deactivates the encryption key while an active signing key remains", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: [await ecJwk("sig1"), await rsaJwk("enc1", "enc")],
    });
    const enc = fake.state(appId).jwks[1]?.id as string;
    expect((await okta.jwks.deactivate(appId, enc)).status).toBe("INACTIVE");
  });

  test("keeps the last active signing key beside an active encryption key (the fake's guess)", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "private_key_jwt",
      jwks: [await ecJwk("sig1"), await rsaJwk("enc1", "enc")],
    });
    const sig = fake.state(appId).jwks[0]?.id as string;
    expect(await causeOf(okta.jwks.deactivate(appId, sig))).toBe(ONLY_KEY);
  });

  test("lets an app of another method deactivate its only key", async () => {
    const { okta, appId, fake } = await fakeOrg({
      tokenEndpointAuthMethod: "client_secret_basic",
      jwks: [await rsaJwk("enc1", "enc")],
    });
    const id = fake.state(appId).jwks[0]?.id as string;
    expect((await okta.jwks.deactivate(appId, id)).status).toBe("INACTIVE");
  });
});
