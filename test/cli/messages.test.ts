import { describe, expect, test } from "vitest";
import { runInProcess as cli } from "./in-process.js";

const HINT = "Run 'okta-app-credentials --help' for usage.\n";

describe("okta-app-credentials CLI: messages", () => {
  test.each([
    ["secret", []],
    ["key", ["--public-key", "next.pem"]],
  ])("rotate %s without an app id says one (or --apps) is needed", async (kind, extra) => {
    expect(await cli(["rotate", kind, "--mock", ...extra])).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: 'rotate ${kind}' needs <appId> (or --apps FILE for many apps)\n${HINT}`,
    });
  });

  test("a fleet flag without app ids asks for app ids before anything else", async () => {
    const { code, stderr } = await cli(["rotate", "secret", "--journal", "run.jsonl", "--mock"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `error: 'rotate secret' needs app ids: as arguments, or --apps FILE (- for stdin)\n${HINT}`,
    );
  });

  test("a command's --help leaves two spaces after its longest flag", async () => {
    const { stdout } = await cli(["verify", "--help"]);
    expect(stdout).toContain("\n  --app                 APP_ID of the app to check\n");
    expect(stdout).toContain(
      "\n  --yes-disposable-app  APP_ID again: confirms --lifecycle may change that app\n",
    );
  });
});
