import { describe, expect, test } from "vitest";
import {
  createOktaClient,
  type Jwk,
  type OktaClient,
  rotateClientSecret,
  rotateJwk,
} from "../../src/index.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { ecJwk, testClock } from "../helpers/fake-org.js";
import { attackTally } from "./attack-tally.js";
import { rotationFailure } from "./rotation-outcome.js";

const tally = attackTally("rotation: overlapping runs");

const clientOf = (fake: FakeOkta): OktaClient =>
  createOktaClient({
    orgUrl: "https://acme.okta.test",
    auth: { type: "apiToken", token: "00overlapToken" },
    fetch: (request) => fake.fetch(request),
  });

async function appWithOneKey() {
  const fake = await createFakeOkta({ now: testClock().now });
  const appId = await fake.addApp({ tokenEndpointAuthMethod: "private_key_jwt", jwks: [await ecJwk("old")] });
  return { fake, appId, oldId: fake.state(appId).jwks[0]?.id as string };
}

/** A deploy that holds until `release()`, telling `started` when it begins. */
function heldDeploy() {
  let release: () => void = () => {};
  let started: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const begun = new Promise<void>((resolve) => {
    started = resolve;
  });
  const deployed: Jwk[] = [];
  const deploy = async (key: Jwk) => {
    deployed.push(key);
    started();
    await gate;
  };
  return { deploy, deployed, begun, release };
}

describe("overlapping rotations of one app", () => {
  test("a second rotateJwk started while the first deploys is refused, and cannot retire the first's new key", async () => {
    tally.attack();
    const { fake, appId, oldId } = await appWithOneKey();
    const okta = clientOf(fake);
    const first = heldDeploy();
    const running = rotateJwk(okta, appId, await ecJwk("first"), { deploy: first.deploy });
    await first.begun;
    const during = fake.state(appId);
    const second = await rotationFailure(
      rotateJwk(okta, appId, await ecJwk("second"), { deploy: async () => {} }),
    );
    expect(second.message).toBe(
      `Another rotation of the signing key of app ${appId} is under way in this process; rotations of one app must not overlap`,
    );
    expect(fake.state(appId)).toEqual(during);
    first.release();
    const report = await running;
    const deployedId = first.deployed[0]?.id as string;
    tally.expectTrueReport(
      report.steps.map((s) => `${s.status} ${s.action} ${s.target}`),
      [
        `done add-key ${deployedId}`,
        `done deploy ${deployedId}`,
        `done deactivate-key ${oldId}`,
        `done delete-key ${oldId}`,
      ],
    );
    tally.expectTrueReport(
      fake.state(appId).jwks.map((key) => [key.id, key.status]),
      [[deployedId, "ACTIVE"]],
    );
  });

  test("a key another process adds while this run deploys stops this run before it retires anything", async () => {
    tally.attack();
    const { fake, appId, oldId } = await appWithOneKey();
    const okta = clientOf(fake);
    // Another process's rotation, reaching the same org through its own client.
    const elsewhere = clientOf(fake);
    const intruder = await ecJwk("elsewhere");
    const error = await rotationFailure(
      rotateJwk(okta, appId, await ecJwk("mine"), {
        deploy: async () => void (await elsewhere.jwks.add(appId, intruder)),
      }),
    );
    const strangerId = fake.state(appId).jwks.find((key) => key.kid === "elsewhere")?.id;
    expect(error.message).toBe(
      `Rotation of the signing key of app ${appId} stopped before deactivate-key ${oldId}: signing key ${strangerId} appeared during this rotation (another rotation may be under way), so no old one was retired`,
    );
    tally.expectTrueReport(
      fake.state(appId).jwks.map((key) => key.status),
      ["ACTIVE", "ACTIVE", "ACTIVE"],
    );
  });

  test("a run that failed lets the next one start", async () => {
    const { fake, appId } = await appWithOneKey();
    const okta = clientOf(fake);
    await rotationFailure(
      rotateJwk(okta, appId, await ecJwk("broken"), {
        deploy: async () => {
          throw new Error("signer did not restart");
        },
      }),
    );
    const report = await rotateJwk(okta, appId, await ecJwk("fixed"), { deploy: async () => {} });
    expect(report.steps.every((step) => step.status === "done")).toBe(true);
  });

  test("a secret rotation and a key rotation of one app may run side by side", async () => {
    const fake = await createFakeOkta({ now: testClock().now });
    const appId = await fake.addApp({
      tokenEndpointAuthMethod: "client_secret_basic",
      jwks: [await ecJwk("old")],
      secrets: [{}],
    });
    const okta = clientOf(fake);
    const held = heldDeploy();
    const keyRotation = rotateJwk(okta, appId, await ecJwk("new"), { deploy: held.deploy });
    await held.begun;
    const secrets = await rotateClientSecret(okta, appId, { deploy: async () => {} });
    held.release();
    expect((await keyRotation).steps.map((step) => step.status)).toEqual(["done", "done", "done", "done"]);
    expect(secrets.steps.map((step) => step.status)).toEqual(["done", "done", "done", "done"]);
  });
});
