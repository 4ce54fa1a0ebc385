import { describe, expect, test } from "vitest";
import { createOktaClient } from "../../src/index.js";
import { verifyApp } from "../../src/verify/index.js";
import { ecJwk } from "../helpers/fake-org.js";
import { APP, type Bends, client, faithfulFake } from "./verify-client.js";

const LIFECYCLE = { lifecycle: { disposableApp: APP } };

/** The steps as `outcome name`, ids cut off. */
const outcomes = (steps: readonly { name: string; outcome: string }[]) =>
  steps.map((step) => `${step.outcome} ${step.name.replace(/ (ocs|pks)\w+$/, "")}`);

async function lifecycleWith(bends: Bends) {
  const fake = await faithfulFake();
  const before = fake.state(APP);
  const report = await verifyApp(client(fake, bends), APP, LIFECYCLE);
  return { fake, before, report };
}

describe("restoreApp, after verifyApp's lifecycle", () => {
  test("deactivates and deletes the new secret when its deactivation failed, leaving what was there", async () => {
    const { fake, before, report } = await lifecycleWith({
      refusals: { deactivateOAuth2ClientSecret: [400] },
    });
    expect(fake.state(APP)).toEqual(before);
    expect(outcomes(report.steps)).toEqual(
      expect.arrayContaining([
        "failed secrets.deactivate",
        "ok clean-up secrets.deactivate",
        "ok clean-up secrets.delete",
        "ok restored what was there",
      ]),
    );
    expect(report.ok).toBe(false);
  });

  test("tries a failed delete again, and reports a 503 as a failed step, not a deviation", async () => {
    const { fake, before, report } = await lifecycleWith({ refusals: { deletejwk: [503] } });
    expect(fake.state(APP)).toEqual(before);
    expect(report.deviations).toEqual([]);
    expect(report.steps.find((step) => step.outcome === "failed")?.detail).toContain("503");
    expect(outcomes(report.steps)).toEqual(
      expect.arrayContaining(["failed jwks.delete", "ok clean-up jwks.delete", "ok restored what was there"]),
    );
  });

  test("still reports an undocumented 4xx as a deviation", async () => {
    const { report } = await lifecycleWith({ refusals: { deletejwk: [409] } });
    expect(report.deviations.map((d) => [d.operationId, d.part, d.status])).toEqual([
      ["deletejwk", "status", 409],
    ]);
  });

  test("names by id the credential it could not remove", async () => {
    const { fake, before, report } = await lifecycleWith({
      refusals: { deactivateOAuth2ClientSecret: [400, 400] },
    });
    const left = fake.state(APP).secrets.find((secret) => !before.secrets.some((s) => s.id === secret.id));
    expect(left?.status).toBe("ACTIVE");
    expect(report.steps.at(-1)).toEqual({
      name: "restored what was there",
      outcome: "failed",
      detail: `Error: could not remove what verify created: ${left?.id}`,
    });
  });

  test("leaves alone a credential it did not create, naming it", async () => {
    const fake = await faithfulFake();
    let added = "";
    const okta = createOktaClient({
      orgUrl: "https://verify.okta.test",
      auth: { type: "apiToken", token: "verify-token" },
      retry: false,
      fetch: async (request) => {
        // Someone else adds a key while the lifecycle runs.
        if (!added && request.url.endsWith("/lifecycle/activate")) {
          const body = JSON.stringify({ ...(await ecJwk("someone-else")), status: "INACTIVE" });
          const other = new Request(`https://verify.okta.test/api/v1/apps/${APP}/credentials/jwks`, {
            method: "POST",
            headers: { Authorization: "SSWS verify-token", "Content-Type": "application/json" },
            body,
          });
          added = ((await (await fake.fetch(other)).json()) as { id: string }).id;
        }
        return fake.fetch(request);
      },
    });
    const report = await verifyApp(okta, APP, LIFECYCLE);
    expect(fake.state(APP).jwks.map((key) => key.id)).toContain(added);
    expect(report.steps.at(-1)?.detail).toBe(
      `Error: the app's credentials differ from before: ${added} is new and not one verify created, so it was left alone`,
    );
  });
});
