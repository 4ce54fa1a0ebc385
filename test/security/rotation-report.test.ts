import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { type ClientSecret, createOktaClient, type OktaClient, rotateClientSecret } from "../../src/index.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { testClock } from "../helpers/fake-org.js";
import { attackTally } from "./attack-tally.js";
import { rotationFailure } from "./rotation-outcome.js";

const tally = attackTally("rotation report");

/** A client of `fake`, without sockets. */
const clientOf = (fake: FakeOkta): OktaClient =>
  createOktaClient({
    orgUrl: "https://acme.okta.test",
    auth: { type: "apiToken", token: "00rotationToken" },
    fetch: (request) => fake.fetch(request),
  });

describe("a rotation report never carries the new secret into a copy", () => {
  async function rotatedSecret() {
    const fake = await createFakeOkta({ now: testClock().now });
    const appId = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const okta = clientOf(fake);
    return rotateClientSecret(okta, appId, { deploy: async () => {} });
  }

  test("inspect without custom inspection, object spread, structuredClone and Object.entries show no secret", async () => {
    tally.attack();
    const report = await rotatedSecret();
    const secret = (report.secret as ClientSecret).client_secret;
    expect(secret).toHaveLength(64);
    const copies = [
      inspect(report, { customInspect: false, showHidden: true, depth: 10 }),
      JSON.stringify({ ...report }),
      JSON.stringify(structuredClone(report)),
      JSON.stringify(Object.entries(report)),
      JSON.stringify(Object.assign({}, report)),
    ];
    tally.expectNoLeak(copies, [secret]);
    tally.expectNoLeak(report, [secret]);
  });

  test("the caller still reads the secret, and printing still masks it", async () => {
    const report = await rotatedSecret();
    const secret = report.secret as ClientSecret;
    expect(secret.client_secret).toMatch(/^[\w-]{64}$/);
    expect(String(report)).toContain(`new secret ${secret.id}: ******** (64 characters`);
    expect(JSON.parse(JSON.stringify(report)).secret.client_secret).toMatch(/^\*{8} \(64 characters/);
  });

  test("a RotationError's report hides it the same way", async () => {
    tally.attack();
    const fake = await createFakeOkta({ now: testClock().now });
    const appId = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const okta = clientOf(fake);
    let value = "";
    const error = await rotationFailure(
      rotateClientSecret(okta, appId, {
        deploy: async (secret) => {
          value = secret.client_secret;
          throw new Error("vault is sealed");
        },
      }),
    );
    expect(value).toHaveLength(64);
    tally.expectNoLeak([error, { ...error.report }, structuredClone(error.report)], [value]);
  });
});
