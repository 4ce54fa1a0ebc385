import { describe, expect, test } from "vitest";
import { parse } from "../../src/cli/parse.js";
import { runInProcess as cli } from "./in-process.js";

const HINT = "Run 'okta-app-credentials --help' for usage.\n";

describe("parse", () => {
  test("refuses a string flag given twice, naming it (exit 2)", async () => {
    expect(() => parse(["audit", "--apps", "a.txt", "--apps=b.txt"])).toThrow(
      "--apps is given more than once; give it once",
    );
    expect(await cli(["audit", "--apps", "team-a.txt", "--apps", "team-b.txt", "--mock"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: --apps is given more than once; give it once\n${HINT}`,
    });
  });

  test("still takes a boolean flag given twice", () => {
    expect(parse(["audit", "--mock", "--mock"]).flags).toEqual({ mock: true });
  });

  test("prints parseArgs' message of several lines as lines, not escapes", async () => {
    const { code, stderr } = await cli(["jwks", "list", "0oa1", "--token", "-abc", "--mock"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "error: Option '--token' argument is ambiguous.\n" +
        "Did you forget to specify the option argument for '--token'?\n" +
        `To specify an option argument starting with a dash use '--token=-XYZ'.\n${HINT}`,
    );
  });
});
