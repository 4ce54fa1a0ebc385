import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { type FakeOktaServer, serveFakeOkta } from "../../src/testing/node.js";
import { addSecretAndKeyApp } from "../helpers/fake-org.js";
import { runCli } from "../helpers/run-cli.js";

const TOKEN = "00verifyCliToken_never_printed";
let fake: FakeOkta;
let server: FakeOktaServer;
let deviating: FakeOktaServer;

beforeAll(async () => {
  fake = await createFakeOkta({ tokens: [TOKEN] });
  server = await serveFakeOkta(fake);
  // The same org behind a server that answers listJwk with an object, as Okta's published example shows it.
  deviating = await serveFakeOkta({
    fetch: async (request: Request) => {
      const response = await fake.fetch(request);
      if (request.method !== "GET" || !request.url.endsWith("/jwks")) return response;
      return new Response(JSON.stringify({ keys: await response.json() }), response);
    },
  });
});

afterAll(async () => {
  await server.close();
  await deviating.close();
});

const newApp = () => addSecretAndKeyApp(fake);

const env = (url: string) => ({ OKTA_CLIENT_ORGURL: url, OKTA_CLIENT_TOKEN: TOKEN });

describe("okta-app-credentials verify", () => {
  test("checks an app read-only and prints a report without secrets, exit 0", async () => {
    const appId = await newApp();
    const before = fake.state(appId);
    const { code, stdout, stderr } = await runCli(["verify", "--app", appId], env(server.url));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain(`### okta-app-credentials verify: read-only check of app ${appId}`);
    expect(stdout).toContain("4 answers checked, 0 deviation(s), 0 failed step(s).");
    expect(stdout).not.toContain(before.secrets[0]?.client_secret);
    expect(stdout).not.toContain(TOKEN);
    expect(fake.state(appId)).toEqual(before);
  });

  test("refuses --lifecycle unless --yes-disposable-app repeats the app id, exit 2", async () => {
    const appId = await newApp();
    const before = fake.state(appId);
    for (const confirm of [[], ["--yes-disposable-app", "0oaSomethingElse"]]) {
      const { code, stderr } = await runCli(
        ["verify", "--app", appId, "--lifecycle", ...confirm],
        env(server.url),
      );
      expect(code).toBe(2);
      expect(stderr).toContain("--lifecycle creates and deletes credentials on the app");
    }
    expect(fake.state(appId)).toEqual(before);
  });

  test("runs the confirmed lifecycle and leaves the app as it was", async () => {
    const appId = await newApp();
    const before = fake.state(appId);
    const args = ["verify", "--app", appId, "--lifecycle", "--yes-disposable-app", appId, "--json"];
    const { code, stdout } = await runCli(args, env(server.url));
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      ok: boolean;
      mode: string;
      steps: { name: string; outcome: string }[];
    };
    expect(report).toMatchObject({ ok: true, mode: "lifecycle" });
    expect(report.steps.filter((step) => step.outcome !== "ok")).toEqual([]);
    expect(fake.state(appId)).toEqual(before);
  });

  test("prints the deviations it finds and exits 1", async () => {
    const appId = await newApp();
    const { code, stdout, stderr } = await runCli(["verify", "--app", appId], env(deviating.url));
    expect(code).toBe(1);
    expect(stdout).toContain(`| listJwk | GET /api/v1/apps/${appId}/credentials/jwks | 200 |`);
    expect(stdout).toContain('Instance type "object" is invalid. Expected "array".');
    expect(stderr).toBe("error: verify found 1 deviation(s) from the curated spec and 0 failed step(s)\n");
  });
});
