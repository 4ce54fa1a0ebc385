import { describe, expect, test } from "vitest";
import { createOktaClient, type OktaClient, rotateJwk } from "../../src/index.js";
import { createFakeOkta, type FakeOkta, type TokenEndpointAuthMethod } from "../../src/testing/index.js";
import { ecJwk, testClock } from "../helpers/fake-org.js";
import { attackTally } from "./attack-tally.js";
import { rotationFailure, steps } from "./rotation-outcome.js";

const tally = attackTally("rotation: inactive new key");

/** How a hostile server treats a new key: stores it INACTIVE, and either says so or claims it is ACTIVE. */
type KeyTreatment = "stored-inactive" | "stored-inactive-claimed-active";

/** A fake Okta behind a fetch that stores every added key INACTIVE, whatever was asked. */
async function hostileOrg(treatment: KeyTreatment, method: TokenEndpointAuthMethod) {
  const fake: FakeOkta = await createFakeOkta({ now: testClock().now });
  const appId = await fake.addApp({ tokenEndpointAuthMethod: method, jwks: [await ecJwk("old")] });
  const okta = createOktaClient({
    orgUrl: "https://hostile.okta.test",
    auth: { type: "apiToken", token: "00rotationToken" },
    fetch: async (request) => {
      if (request.method !== "POST" || !request.url.endsWith("/jwks")) return fake.fetch(request);
      const body = { ...(await request.json()), status: "INACTIVE" };
      const response = await fake.fetch(new Request(request, { body: JSON.stringify(body) }));
      if (treatment === "stored-inactive") return response;
      const claimed = { ...(await response.json()), status: "ACTIVE" };
      return new Response(JSON.stringify(claimed), { status: response.status, headers: response.headers });
    },
  });
  return { fake, appId, okta };
}

describe("rotateJwk never retires the old keys for a new key that is not ACTIVE", () => {
  test.each(["client_secret_basic", "private_key_jwt"] as const)(
    "a server that stores the new key INACTIVE (and says so) gets a rollback before deploy (%s app)",
    async (method) => {
      tally.attack();
      const { fake, appId, okta } = await hostileOrg("stored-inactive", method);
      const before = fake.state(appId);
      const oldId = before.jwks[0]?.id as string;
      let deployed = 0;
      const error = await rotationFailure(
        rotateJwk(okta, appId, await ecJwk("new"), {
          deploy: async () => {
            deployed += 1;
          },
        }),
      );
      const newId = error.report.key?.id as string;
      expect(deployed).toBe(0);
      expect(error.message).toBe(
        `Rotation of the signing key of app ${appId} failed at add-key ${newId}: Okta stored the new signing key INACTIVE; rolled back: the new signing key ${newId} was deleted (see cause)`,
      );
      tally.expectTrueReport(steps(error.report), [
        `rolled-back add-key ${newId}`,
        `planned deploy ${newId}`,
        `planned deactivate-key ${oldId}`,
        `planned delete-key ${oldId}`,
      ]);
      tally.expectTrueReport(fake.state(appId), before);
    },
  );

  test("a server that stores it INACTIVE but answers ACTIVE is caught before the first old key is retired", async () => {
    tally.attack();
    const { fake, appId, okta } = await hostileOrg("stored-inactive-claimed-active", "client_secret_basic");
    const oldId = fake.state(appId).jwks[0]?.id as string;
    const error = await rotationFailure(
      rotateJwk(okta, appId, await ecJwk("new"), { deploy: async () => {} }),
    );
    const newId = error.report.key?.id as string;
    expect(error.message).toBe(
      `Rotation of the signing key of app ${appId} stopped before deactivate-key ${oldId}: the new signing key ${newId} is INACTIVE on Okta, so no old one was retired`,
    );
    tally.expectTrueReport(steps(error.report), [
      `done add-key ${newId}`,
      `done deploy ${newId}`,
      `planned deactivate-key ${oldId}`,
      `planned delete-key ${oldId}`,
    ]);
    tally.expectTrueReport(
      fake.state(appId).jwks.map((key) => [key.id, key.status]),
      [
        [oldId, "ACTIVE"],
        [newId, "INACTIVE"],
      ],
    );
  });

  test("a new key someone deactivates during deploy stops the rotation before it retires anything", async () => {
    tally.attack();
    const fake = await createFakeOkta({ now: testClock().now });
    const appId = await fake.addApp({
      tokenEndpointAuthMethod: "client_secret_basic",
      jwks: [await ecJwk("old")],
    });
    const okta: OktaClient = createOktaClient({
      orgUrl: "https://acme.okta.test",
      auth: { type: "apiToken", token: "00rotationToken" },
      fetch: (request) => fake.fetch(request),
    });
    const error = await rotationFailure(
      rotateJwk(okta, appId, await ecJwk("new"), {
        deploy: async (key) => void (await okta.jwks.deactivate(appId, key.id)),
      }),
    );
    expect(error.message).toMatch(
      /stopped before deactivate-key pks\w+: the new signing key pks\w+ is INACTIVE/,
    );
    expect(fake.state(appId).jwks.map((key) => key.status)).toEqual(["ACTIVE", "INACTIVE"]);
  });
});
