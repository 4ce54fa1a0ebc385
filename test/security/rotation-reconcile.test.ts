import { describe, expect, test } from "vitest";
import {
  type ClientSecret,
  createOktaClient,
  type Jwk,
  rotateClientSecret,
  rotateJwk,
} from "../../src/index.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { ecJwk, testClock } from "../helpers/fake-org.js";
import { attackTally } from "./attack-tally.js";
import { rotationFailure, steps } from "./rotation-outcome.js";

const tally = attackTally("rotation: reconcile after a failure");

/** What the network does to one request after Okta has run it: the answer is lost, or replaced by a 502. */
type Sabotage = (request: Request) => "lose-answer" | "answer-502" | undefined;

/** A client of `fake` whose requests `sabotage` picks are run by Okta but answered badly; retries take 1 ms. */
function flakyClient(fake: FakeOkta, sabotage: Sabotage) {
  return createOktaClient({
    orgUrl: "https://acme.okta.test",
    auth: { type: "apiToken", token: "00reconcileToken" },
    retry: { retries: 2, maxDelayMs: 1 },
    fetch: async (request) => {
      const harm = sabotage(request);
      const response = await fake.fetch(request);
      if (harm === "lose-answer") throw new TypeError("fetch failed");
      if (harm === "answer-502") return new Response("<h1>Bad gateway</h1>", { status: 502 });
      return response;
    },
  });
}

/** Sabotages, once, the request with this method whose path ends with `suffix`. */
function once(method: string, suffix: string, harm: "lose-answer" | "answer-502"): Sabotage {
  let done = false;
  return (request) => {
    if (done || request.method !== method || !new URL(request.url).pathname.endsWith(suffix))
      return undefined;
    done = true;
    return harm;
  };
}

async function keyApp() {
  const fake = await createFakeOkta({ now: testClock().now });
  const appId = await fake.addApp({ tokenEndpointAuthMethod: "private_key_jwt", jwks: [await ecJwk("old")] });
  return { fake, appId, oldId: fake.state(appId).jwks[0]?.id as string };
}

describe("a rotation reports what Okta holds after a failed step", () => {
  test("a DELETE whose answer was lost, and whose retry got 404, is done", async () => {
    tally.attack();
    const { fake, appId, oldId } = await keyApp();
    const okta = flakyClient(fake, once("DELETE", `/jwks/${oldId}`, "lose-answer"));
    const report = await rotateJwk(okta, appId, await ecJwk("new"), { deploy: async () => {} });
    const newId = report.key?.id as string;
    tally.expectTrueReport(steps(report), [
      `done add-key ${newId}`,
      `done deploy ${newId}`,
      `done deactivate-key ${oldId}`,
      `done delete-key ${oldId}`,
    ]);
    expect(fake.state(appId).jwks.map((key) => key.id)).toEqual([newId]);
  });

  test("a key add that committed but answered 502 leaves no orphan: the key is adopted and the rotation goes on", async () => {
    tally.attack();
    const { fake, appId, oldId } = await keyApp();
    const okta = flakyClient(fake, once("POST", "/jwks", "answer-502"));
    const deployed: Jwk[] = [];
    const report = await rotateJwk(okta, appId, await ecJwk("new"), {
      deploy: async (key) => void deployed.push(key),
    });
    const adopted = fake.state(appId).jwks.find((key) => key.kid === "new");
    expect(deployed.map((key) => key.id)).toEqual([adopted?.id]);
    tally.expectTrueReport(steps(report), [
      `done add-key ${adopted?.id}`,
      `done deploy ${adopted?.id}`,
      `done deactivate-key ${oldId}`,
      `done delete-key ${oldId}`,
    ]);
    expect(fake.state(appId).jwks.map((key) => key.kid)).toEqual(["new"]);
  });

  test("a secret create that committed but answered 502 is adopted, value included", async () => {
    tally.attack();
    const fake = await createFakeOkta({ now: testClock().now });
    const appId = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const okta = flakyClient(fake, once("POST", "/secrets", "answer-502"));
    const deployed: ClientSecret[] = [];
    const report = await rotateClientSecret(okta, appId, {
      deploy: async (secret) => void deployed.push(secret),
    });
    const [held] = fake.state(appId).secrets;
    expect(deployed.map((secret) => [secret.id, secret.client_secret])).toEqual([
      [held?.id, held?.client_secret],
    ]);
    expect(report.steps.map((step) => step.status)).toEqual(["done", "done", "done", "done"]);
  });

  test("an adopted key whose deploy fails is removed again and named", async () => {
    tally.attack();
    const { fake, appId } = await keyApp();
    const before = fake.state(appId);
    const okta = flakyClient(fake, once("POST", "/jwks", "answer-502"));
    const error = await rotationFailure(
      rotateJwk(okta, appId, await ecJwk("new"), {
        deploy: async () => {
          throw new Error("signer did not restart");
        },
      }),
    );
    const orphan = error.report.key?.id as string;
    expect(orphan).toMatch(/^pks/);
    expect(error.message).toContain(`rolled back: the new signing key ${orphan} was deactivated and deleted`);
    tally.expectTrueReport(fake.state(appId), before);
  });

  test("a rollback whose DELETE answer was lost is rolled back, not left on the app", async () => {
    tally.attack();
    const { fake, appId } = await keyApp();
    const before = fake.state(appId);
    let newId = "";
    const okta = flakyClient(fake, (request) =>
      newId !== "" && request.method === "DELETE" && request.url.endsWith(`/jwks/${newId}`)
        ? "lose-answer"
        : undefined,
    );
    const error = await rotationFailure(
      rotateJwk(okta, appId, await ecJwk("new"), {
        deploy: async (key) => {
          newId = key.id;
          throw new Error("signer did not restart");
        },
      }),
    );
    tally.expectTrueReport(steps(error.report).slice(0, 2), [
      `rolled-back add-key ${newId}`,
      `failed deploy ${newId}`,
    ]);
    expect(error.message).toContain(`rolled back: the new signing key ${newId} was deactivated and deleted`);
    tally.expectTrueReport(fake.state(appId), before);
  });
});
