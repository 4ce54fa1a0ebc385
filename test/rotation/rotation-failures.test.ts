import { describe, expect, test } from "vitest";
import { createOktaClient, RotationError, type RotationStep, rotateClientSecret } from "../../src/index.js";
import { fakeOrg } from "../helpers/fake-org.js";

async function rejection(promise: Promise<unknown>): Promise<RotationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RotationError);
  return error as RotationError;
}

const steps = (steps: readonly RotationStep[]) => steps.map((s) => `${s.status} ${s.action} ${s.target}`);
const secretApp = { tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] } as const;

describe("rotateClientSecret when onStep throws", () => {
  test("rolls the new secret back when onStep throws on its creation, before any deploy", async () => {
    const { okta, appId, fake } = await fakeOrg(secretApp);
    const before = fake.state(appId);
    const failure = new Error("progress display crashed");
    let deploys = 0;
    const error = await rejection(
      rotateClientSecret(okta, appId, {
        deploy: async () => void deploys++,
        onStep: (step) => {
          if (step.action === "create-secret" && step.status === "done") throw failure;
        },
      }),
    );
    const id = error.report.secret?.id;
    expect(error.cause).toBe(failure);
    expect(error.message).toBe(
      `Rotation of the client secret of app ${appId} failed at create-secret ${id}: onStep threw after the step was done; rolled back: the new client secret ${id} was deactivated and deleted (see cause)`,
    );
    expect(deploys).toBe(0);
    expect(fake.state(appId)).toEqual(before);
    expect(steps(error.report.steps).slice(0, 2)).toEqual([
      `rolled-back create-secret ${id}`,
      `planned deploy ${id}`,
    ]);
  });

  test("keeps a deployed secret, and the old one, when onStep throws on the deploy", async () => {
    const { okta, appId, fake } = await fakeOrg(secretApp);
    const old = fake.state(appId).secrets[0]?.id;
    const error = await rejection(
      rotateClientSecret(okta, appId, {
        deploy: async () => {},
        onStep: (step) => {
          if (step.action === "deploy") throw new Error("journal full");
        },
      }),
    );
    const id = error.report.secret?.id;
    expect(error.message).toContain(
      `failed at deploy ${id}: onStep threw after the step was done; nothing was undone`,
    );
    expect(fake.state(appId).secrets.map((s) => [s.id, s.status])).toEqual([
      [old, "ACTIVE"],
      [id, "ACTIVE"],
    ]);
  });
});

describe("rotateClientSecret rolling back", () => {
  test("deletes the new secret when the rollback's deactivation took effect but its answer was lost", async () => {
    const { fake, appId } = await fakeOrg(secretApp);
    const before = fake.state(appId);
    let lose = false;
    const okta = createOktaClient({
      orgUrl: "https://fake.okta.test",
      auth: { type: "apiToken", token: "test-token" },
      retry: false,
      fetch: async (request) => {
        const answer = await fake.fetch(request);
        if (!(lose && request.url.endsWith("/lifecycle/deactivate"))) return answer;
        lose = false;
        return new Response(null, { status: 502 });
      },
    });
    const error = await rejection(
      rotateClientSecret(okta, appId, {
        deploy: async () => {
          lose = true;
          throw new Error("vault is sealed");
        },
      }),
    );
    const id = error.report.secret?.id;
    expect(error.message).toContain(`rolled back: the new client secret ${id} was deactivated and deleted`);
    expect(error.report.steps[0]?.status).toBe("rolled-back");
    expect(fake.state(appId)).toEqual(before);
  });
});
