import { describe, expect, test } from "vitest";
import { GLOBAL_FLAGS } from "../../src/cli/parse.js";
import { VERSION } from "../../src/version.js";
import { runCli as cli } from "../helpers/run-cli.js";

describe("okta-app-credentials CLI: usage", () => {
  test("--version prints the package version", async () => {
    expect(await cli(["--version"])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  test("--help lists every command and the exit codes", async () => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(0);
    for (const line of ["jwks list <appId>", "secrets deactivate <appId> <secretId>", "3  configuration"]) {
      expect(stdout).toContain(line);
    }
  });

  test("--help names every flag that every command accepts, the private-key ones included", async () => {
    const { stdout } = await cli(["--help"]);
    expect([...GLOBAL_FLAGS].filter((flag) => !stdout.includes(`--${flag}`))).toEqual([]);
  });

  test("a command's --help shows the Okta operation and scope, its options and examples", async () => {
    const { code, stdout } = await cli(["secrets", "create", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: okta-app-credentials secrets create <appId> [options]");
    expect(stdout).toContain("Okta operation: createOAuth2ClientSecret (OAuth scope okta.apps.manage)");
    expect(stdout).toContain("--secret-file");
    expect(stdout).toContain("okta-app-credentials secrets create 0oa8kg3bp0aQ7nD0x5d7 --secret-file");
  });

  test.each([
    [["jwks", "list", "0oa1", "--bogus"], "error: Unknown option '--bogus'"],
    [["jwks", "list"], "error: 'jwks list' needs <appId>"],
    [["jwks", "get", "0oa1"], "error: 'jwks get' needs <keyId>"],
    [["jwks", "list", "0oa1", "extra"], "error: 'jwks list' takes 1 argument(s); got 2"],
    [["keys", "list"], "error: Unknown command 'keys list'"],
    [["secrets", "list", "0oa1", "--kid", "x"], "error: --kid is not an option of 'secrets list'"],
    [["jwks", "add", "0oa1", "--mock"], "error: 'jwks add' needs --public-key FILE"],
    [["rotate", "key", "0oa1", "--mock", "--dry-run"], "error: 'rotate key' needs --public-key FILE"],
    [
      ["jwks", "add", "0oa1", "--mock", "--public-key=k.pem", "--use=both"],
      'error: --use must be "sig" or "enc"',
    ],
  ])("%j is a usage error (exit 2)", async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${message}\nRun 'okta-app-credentials --help' for usage.\n`);
  });

  test("no org and no credentials are configuration errors (exit 3)", async () => {
    expect(await cli(["jwks", "list", "0oa1"])).toMatchObject({
      code: 3,
      stderr: "error: No Okta org: pass --org-url or set OKTA_CLIENT_ORGURL (or use --mock)\n",
    });
    expect(
      await cli(["jwks", "list", "0oa1"], { OKTA_CLIENT_ORGURL: "https://acme.okta.com" }),
    ).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(
        /^error: No credentials: set OKTA_CLIENT_TOKEN \(an API token\), or OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey/,
      ),
    });
  });

  test("private key mode without a key is a configuration error that names what is missing", async () => {
    const run = await cli(["secrets", "list", "0oa1"], {
      OKTA_CLIENT_ORGURL: "https://acme.okta.com",
      OKTA_CLIENT_AUTHORIZATIONMODE: "PrivateKey",
      OKTA_CLIENT_CLIENTID: "0oa9svcapp1Lq8Xe0x5d",
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      "Private key auth needs a client id (--client-id, OKTA_CLIENT_CLIENTID) and a private key",
    );
  });

  test("an unreadable private key path is named without echoing the value", async () => {
    const run = await cli(["secrets", "list", "0oa1"], {
      OKTA_CLIENT_ORGURL: "https://acme.okta.com",
      OKTA_CLIENT_AUTHORIZATIONMODE: "PrivateKey",
      OKTA_CLIENT_CLIENTID: "0oa9svcapp1Lq8Xe0x5d",
      OKTA_CLIENT_PRIVATEKEY: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ",
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      "error: Cannot read the private key file (ENOENT); OKTA_CLIENT_PRIVATEKEY holds a PEM or a path\n",
    );
  });
});
