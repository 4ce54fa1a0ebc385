import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { run } from "../../src/cli/run.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { type FakeOktaServer, serveFakeOkta } from "../../src/testing/node.js";
import { recordingIo } from "../helpers/cli-io.js";

let fake: FakeOkta;
let server: FakeOktaServer;
let fresh: string;
let twoActive: string;

beforeAll(async () => {
  fake = await createFakeOkta({ rateLimit: { limit: 50, windowMs: 60_000 } });
  server = await serveFakeOkta(fake);
  fresh = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
  twoActive = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}, {}] });
});

afterAll(async () => {
  await server.close();
});

describe("okta-app-credentials audit", () => {
  test("prints a table per app and exits 0 when nothing is found", async () => {
    const cli = recordingIo(server.url);
    expect(await run(["audit", fresh], cli.io)).toBe(0);
    const secret = fake.state(fresh).secrets[0];
    expect(cli.stdout()).toContain(`App ${fresh}: no findings`);
    expect(cli.stdout()).toMatch(new RegExp(`secret\\s+${secret?.id}\\s+ACTIVE\\s+0d`));
    expect(cli.stdout()).toContain("1 app(s) audited, 0 finding(s)");
    expect(cli.stdout()).not.toContain(secret?.client_secret);
    expect(cli.stderr()).toBe("");
  });

  test("exits 4 on findings; --json prints the report; no progress without a terminal", async () => {
    const cli = recordingIo(server.url);
    expect(await run(["audit", fresh, twoActive, "--json", "--max-secret-age", "1d"], cli.io)).toBe(4);
    const report = JSON.parse(cli.stdout()) as { appId: string; findings: { code: string }[] }[];
    expect(report.map((app) => [app.appId, app.findings.map((f) => f.code)])).toEqual([
      [fresh, []],
      [twoActive, ["two-active-secrets"]],
    ]);
    expect(cli.progress).toEqual([]);
    expect(cli.stderr()).toBe("");
  });

  test("reads --apps from a file and from standard input, and shows progress on a terminal", async () => {
    const dir = await mkdtemp(join(tmpdir(), "okta-audit-"));
    const file = join(dir, "apps.txt");
    await writeFile(file, `# fleet\n${fresh}\n\n${twoActive}  # half-done\n`);
    const fromFile = recordingIo(server.url, { tty: true });
    expect(await run(["audit", "--apps", file], fromFile.io)).toBe(4);
    expect(fromFile.stdout()).toContain("2 app(s) audited, 1 finding(s)");
    expect(fromFile.progress).toEqual([`[${"#".repeat(15)}${".".repeat(15)}] 1/2 apps`, ""]);
    const fromStdin = recordingIo(server.url, { stdin: `${twoActive}\n` });
    expect(await run(["audit", "--apps", "-"], fromStdin.io)).toBe(4);
    expect(fromStdin.stdout()).toContain(`App ${twoActive}: 1 finding(s)`);
  });

  test("names the flag of a bad duration, and needs app ids", async () => {
    const bad = recordingIo(server.url);
    expect(await run(["audit", fresh, "--max-key-age", "1y"], bad.io)).toBe(2);
    expect(bad.stderr()).toContain(
      '--max-key-age must be a duration such as 90d, 24h, 30m or 45s (got "1y")',
    );
    const none = recordingIo(server.url);
    expect(await run(["audit"], none.io)).toBe(2);
    expect(none.stderr()).toContain("'audit' needs app ids");
  });

  test("an app Okta does not know is a finding, not a crash", async () => {
    const cli = recordingIo(server.url);
    expect(await run(["audit", "0oaNoSuchApp", fresh], cli.io)).toBe(4);
    expect(cli.stdout()).toContain("! unreadable: 404 E0000007");
    expect(cli.stdout()).toContain(`App ${fresh}: no findings`);
  });
});
