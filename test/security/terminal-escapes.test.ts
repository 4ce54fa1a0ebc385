import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { scriptedServers } from "../helpers/scripted-server.js";
import { attackTally } from "./attack-tally.js";

const tally = attackTally("terminal escapes in server text");
const serve = scriptedServers();

const APP = "0oa8kg3bp0aQ7nD0x5d7";
// Retitles the terminal, clears the screen, and tries C1's CSI and a carriage return over the previous text.
const HOSTILE = "\u001b]0;pwned\u0007\u001b[2J\u009b31m\rok\u007f";
/** The control characters (C0, DEL, C1) in `text`, line breaks aside, as code points. */
function controls(text: string): number[] {
  const codes = [...text].map((char) => char.charCodeAt(0));
  return codes.filter((code) => code !== 0x0a && (code < 0x20 || (code >= 0x7f && code <= 0x9f)));
}

const key = {
  id: `pks1${HOSTILE}`,
  status: `ACTIVE${HOSTILE}`,
  use: "sig",
  kty: "EC",
  crv: `P-256${HOSTILE}`,
  alg: `ES256${HOSTILE}`,
  kid: `kid${HOSTILE}`,
  created: `2026-01-06T19:51:00.000Z${HOSTILE}`,
};
const secret = {
  id: `ocs1${HOSTILE}`,
  status: `ACTIVE${HOSTILE}`,
  client_secret: "s".repeat(40),
  secret_hash: `hash${HOSTILE}`,
  created: HOSTILE,
};
const refusal = {
  errorCode: `E0000001${HOSTILE}`,
  errorSummary: `Api validation failed${HOSTILE}`,
  errorCauses: [{ errorSummary: `cause${HOSTILE}` }],
  errorId: `oae${HOSTILE}`,
};

/** Runs the CLI against a server that answers every request with `status` and `body`. */
async function against(status: number, body: unknown, args: readonly string[]) {
  const server = await serve(() => ({ status, body }));
  return runCli(args, { OKTA_CLIENT_ORGURL: server.url, OKTA_CLIENT_TOKEN: "00escapeToken" });
}

describe("the CLI never prints a control character a server sent", () => {
  test.each([
    ["jwks list", 200, [key], ["jwks", "list", APP]],
    ["jwks get", 200, key, ["jwks", "get", APP, "pks1"]],
    ["secrets list", 200, [secret], ["secrets", "list", APP]],
    [
      "secrets get --show-secret",
      200,
      { ...secret, client_secret: `x${HOSTILE}` },
      ["secrets", "get", APP, "ocs1", "--show-secret"],
    ],
    ["an Okta error", 400, refusal, ["secrets", "create", APP]],
    ["a 404 with hostile text", 404, { ...refusal, errorCode: "E0000007" }, ["jwks", "get", APP, "pks1"]],
    ["a rotation plan", 200, [{ ...secret, status: "ACTIVE" }], ["rotate", "secret", APP, "--dry-run"]],
  ])("%s: escaped in text, escaped in --json", async (_, status, body, args) => {
    tally.attack();
    const text = await against(status, body, args);
    expect(controls(text.stdout + text.stderr)).toEqual([]);
    expect(text.stdout + text.stderr).not.toBe("");
    const json = await against(status, body, [...args, "--json"]);
    expect(controls(json.stdout + json.stderr)).toEqual([]);
  });

  test("the escapes show what the server sent, one character at a time", async () => {
    tally.attack();
    const { code, stdout } = await against(200, [key], ["jwks", "list", APP]);
    expect(code).toBe(0);
    expect(stdout).toContain("kid\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\x0dok\\x7f");
    expect(stdout.split("\n")).toHaveLength(3);
  });

  test("an Okta error's summary, causes and errorId stay on one escaped line", async () => {
    tally.attack();
    const { code, stdout, stderr } = await against(400, refusal, ["secrets", "create", APP]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.split("\n")).toEqual([expect.stringMatching(/^error: 400 /), ""]);
    expect(stderr).toContain("errorId=oae");
  });
});
