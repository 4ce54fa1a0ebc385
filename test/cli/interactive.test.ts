import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { generateSigningKey } from "../../src/keys/generate-signing-key.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { type FakeOktaServer, serveFakeOkta } from "../../src/testing/node.js";

let fake: FakeOkta;
let server: FakeOktaServer;

beforeAll(async () => {
  fake = await createFakeOkta();
  server = await serveFakeOkta(fake);
});

afterAll(async () => {
  await server.close();
});

/** A terminal whose person answers each question from `answers`, in order, recording what was asked. */
function terminal(answers: boolean[]) {
  const asked: string[] = [];
  const out: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: () => {},
    env: { OKTA_CLIENT_ORGURL: server.url, OKTA_CLIENT_TOKEN: "interactive-token" },
    interactive: true,
    confirm: async (question) => {
      asked.push(question);
      return answers.shift() ?? false;
    },
  };
  return { io, asked, out };
}

describe("okta-app-credentials rotate on a terminal", () => {
  test("asks to confirm the deploy and each destructive step, and stops where the answer is no", async () => {
    const key = await generateSigningKey({ alg: "ES256" });
    const appId = await fake.addApp({
      tokenEndpointAuthMethod: "client_secret_basic",
      secrets: [{}],
      jwks: [key.publicJwk],
    });
    const old = fake.state(appId).secrets[0]?.id as string;
    const { io, asked } = terminal([true, true, false]);
    expect(await run(["rotate", "secret", appId], io)).toBe(0);
    const fresh = fake.state(appId).secrets[1]?.id as string;
    expect(asked).toEqual([
      `Deploy the new client secret ${fresh} to its clients now. Done?`,
      `Deactivate client secret ${old}?`,
      `Delete client secret ${old}?`,
    ]);
    expect(fake.state(appId).secrets.map((s) => [s.id, s.status])).toEqual([
      [old, "INACTIVE"],
      [fresh, "ACTIVE"],
    ]);
  });

  test("rolls back when the person says the new secret was not deployed", async () => {
    const appId = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const before = fake.state(appId).secrets.map((s) => [s.id, s.status]);
    const { io, asked } = terminal([false]);
    expect(await run(["rotate", "secret", appId], io)).toBe(1);
    expect(asked).toHaveLength(1);
    expect(fake.state(appId).secrets.map((s) => [s.id, s.status])).toEqual(before);
  });
});
