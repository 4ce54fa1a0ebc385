import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
    expect(await run(["rotate", "secret", appId, "--show-secret"], io)).toBe(0);
    const fresh = fake.state(appId).secrets[1]?.id as string;
    const value = fake.state(appId).secrets[1]?.client_secret as string;
    expect(asked).toEqual([
      `New client secret ${fresh}: ${value}\nDeploy it to its clients now. Done?`,
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
    const { io, asked } = terminal([true, false]);
    expect(await run(["rotate", "secret", appId], io)).toBe(1);
    expect(asked).toHaveLength(2);
    expect(fake.state(appId).secrets.map((s) => [s.id, s.status])).toEqual(before);
  });

  test("without --show-secret, warns before showing the new secret once, only in the question", async () => {
    const appId = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const { io, asked, out } = terminal([true, true, true, true]);
    expect(await run(["rotate", "secret", appId], io)).toBe(0);
    const [fresh] = fake.state(appId).secrets;
    expect(asked[0]).toMatch(
      /^The new client secret ocs\w+ will be shown once, here \(anyone who can see this screen/,
    );
    expect(asked[1]).toBe(
      `New client secret ${fresh?.id}: ${fresh?.client_secret}\nDeploy it to its clients now. Done?`,
    );
    expect(out.join("")).not.toContain(fresh?.client_secret);
  });

  test("rolls back when the person declines to see the new secret", async () => {
    const appId = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const before = fake.state(appId).secrets.map((s) => [s.id, s.status]);
    const { io, asked } = terminal([false]);
    expect(await run(["rotate", "secret", appId], io)).toBe(1);
    expect(asked).toHaveLength(1);
    expect(fake.state(appId).secrets.map((s) => [s.id, s.status])).toEqual(before);
  });

  test("--secret-out writes the new secret to a new file of mode 600 and never overwrites one", async () => {
    const appId = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const file = join(await mkdtemp(join(tmpdir(), "okta-secret-out-")), "new-secret");
    const { io, asked, out } = terminal([true, true, true]);
    expect(await run(["rotate", "secret", appId, "--secret-out", file], io)).toBe(0);
    const [fresh] = fake.state(appId).secrets;
    expect(await readFile(file, "utf8")).toBe(`${fresh?.client_secret}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(asked[0]).toBe(
      `The new client secret ${fresh?.id} is in ${file} (mode 600). Deploy it to its clients now. Done?`,
    );
    expect(asked.join("") + out.join("")).not.toContain(fresh?.client_secret);
    const again = terminal([true, true, true]);
    expect(await run(["rotate", "secret", appId, "--secret-out", file], again.io)).toBe(2);
    expect(again.asked).toEqual([]);
    expect(fake.state(appId).secrets.map((s) => s.id)).toEqual([fresh?.id]);
    expect(await readFile(file, "utf8")).toBe(`${fresh?.client_secret}\n`);
  });
});

describe("--json of a command that returns one credential", () => {
  test("prints one object for get, create, activate and deactivate; a list stays an array", async () => {
    const appId = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
    const json = async (...args: string[]) => {
      const { io, out } = terminal([]);
      expect(await run([...args, "--json"], io)).toBe(0);
      return JSON.parse(out.join("")) as unknown;
    };
    const created = (await json("secrets", "create", appId, "--inactive")) as { id: string; status: string };
    expect(created).toMatchObject({ status: "INACTIVE", client_secret: expect.stringMatching(/^\*{8} /) });
    expect(await json("secrets", "get", appId, created.id)).toMatchObject({ id: created.id });
    expect(await json("secrets", "activate", appId, created.id)).toMatchObject({ status: "ACTIVE" });
    expect(await json("secrets", "deactivate", appId, created.id)).toMatchObject({ status: "INACTIVE" });
    const list = await json("secrets", "list", appId);
    expect(Array.isArray(list) && list.length).toBe(2);
  });
});
