import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { scriptedServers } from "../helpers/scripted-server.js";
import { attackTally } from "./attack-tally.js";

const tally = attackTally("exit codes");
const serve = scriptedServers();

const APP = "0oa8kg3bp0aQ7nD0x5d7";
const EXIT = { ok: 0, apiError: 1, usage: 2, config: 3 } as const;

const COMMANDS: readonly (readonly string[])[] = [
  ["jwks", "list", APP],
  ["jwks", "get", APP, "pks1"],
  ["jwks", "activate", APP, "pks1"],
  ["secrets", "list", APP],
  ["secrets", "get", APP, "ocs1"],
  ["secrets", "create", APP],
  ["rotate", "secret", APP, "--dry-run"],
];

/** Runs `args` against a server that answers every request 200 with `body`. */
async function answered(body: unknown, args: readonly string[]) {
  const server = await serve((request) => ({
    status: request.method === "POST" && !request.url.includes("lifecycle") ? 201 : 200,
    body,
  }));
  return runCli(args, { OKTA_CLIENT_ORGURL: server.url, OKTA_CLIENT_TOKEN: "00exitCodeToken" });
}

describe("a malformed 2xx is Okta's failure (exit 1), never a usage error", () => {
  // Shapes the client refuses: not a list, not an object with an id.
  test.each(
    COMMANDS.flatMap((args) =>
      [{}, "text", 42, [null]].map((body) => [args.join(" "), JSON.stringify(body), body, args] as const),
    ),
  )("%s answered %s exits 1", async (_, __, body, args) => {
    tally.attack();
    const { code, stdout, stderr } = await answered(body, args);
    expect({ code, stdout }).toEqual({ code: EXIT.apiError, stdout: "" });
    expect(stderr).toMatch(/^error: Okta's answer to .* is not /);
  });

  // Shapes the client lets through (each item has an id) but which lack what a table shows.
  test.each(
    COMMANDS.flatMap((args) =>
      [[{ id: "x1" }], { id: "x1" }, [{ id: "x1", kty: "RSA", n: 5, client_secret: 7 }]].map(
        (body) => [args.join(" "), JSON.stringify(body), body, args] as const,
      ),
    ),
  )("%s answered %s is no usage error", async (_, __, body, args) => {
    tally.attack();
    const { code, stderr } = await answered(body, args);
    expect(code === EXIT.ok || code === EXIT.apiError).toBe(true);
    expect(stderr).not.toMatch(/Cannot read|is not a function|--help/);
  });
});

describe("an invalid org URL is a configuration error (exit 3)", () => {
  test.each([
    ["ftp://acme.okta.com", "must use https"],
    ["http://acme.okta.com", "must use https"],
    ["acme.okta.com", "absolute URL"],
    ["https://acme.okta.com/api/v1", "without path"],
    ["https://admin:hunter2@acme.okta.com", "must not contain credentials"],
    ["https://acme-admin.okta.com", "admin console"],
  ])("%s", async (orgUrl, reason) => {
    tally.attack();
    for (const [args, env] of [
      [["jwks", "list", APP, "--org-url", orgUrl], { OKTA_CLIENT_TOKEN: "00exitCodeToken" }],
      [["jwks", "list", APP], { OKTA_CLIENT_ORGURL: orgUrl, OKTA_CLIENT_TOKEN: "00exitCodeToken" }],
    ] as const) {
      const { code, stdout, stderr } = await runCli(args, env);
      expect({ code, stdout }).toEqual({ code: EXIT.config, stdout: "" });
      expect(stderr).toContain(reason);
      expect(stderr).toMatch(/^error: Invalid org URL \(--org-url, OKTA_CLIENT_ORGURL\): /);
      tally.expectNoLeak(stderr, ["hunter2"]);
    }
  });
});
