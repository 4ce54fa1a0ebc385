import { describe, expect, test } from "vitest";
import { parse } from "../../src/cli/parse.js";
import { makeTestKey, toSec1Pem } from "../helpers/keys.js";
import { scriptedServers } from "../helpers/scripted-server.js";
import { runInProcess as cli } from "./in-process.js";

const serve = scriptedServers();

describe("okta-app-credentials CLI: --private-key", () => {
  test('takes a PEM given as "$(cat key.pem)", which starts with a dash, as the value', async () => {
    const { pkcs8 } = await makeTestKey("ES256");
    const parsed = parse(["jwks", "list", "0oa1", "--private-key", pkcs8, "--client-id", "0oa9"]);
    expect(parsed).toEqual({
      words: ["jwks", "list", "0oa1"],
      flags: { "private-key": pkcs8, "client-id": "0oa9" },
    });
  });

  test("a private key the client cannot sign with is a configuration error, before any request (exit 3)", async () => {
    const server = await serve(() => ({ body: [] }));
    const rsa = await makeTestKey("RS256");
    const env = { OKTA_CLIENT_ORGURL: server.url };
    const flags = (key: string) => ["--client-id", "0oa9svcapp1Lq8Xe0x5d", "--private-key", key];
    const publicPem = rsa.pkcs8.replaceAll("PRIVATE KEY", "PUBLIC KEY");
    expect(await cli(["secrets", "list", "0oa1", ...flags(publicPem)], env)).toEqual({
      code: 3,
      stdout: "",
      stderr:
        "error: auth.privateKey: the PEM is a public key; pass the private key whose public half is registered with Okta\n",
    });
    const unusable = JSON.stringify({ kty: "RSA", d: "c2VjcmV0", n: "abc", e: "AQAB" });
    const jwk = await cli(["jwks", "list", "0oa1", ...flags(unusable)], env);
    expect(jwk).toEqual({ code: 3, stdout: "", stderr: expect.stringMatching(/^error: auth\.privateKey: /) });
    expect(jwk.stderr).not.toContain("c2VjcmV0");
    // Checked before the command runs: rotate would otherwise first ask for --yes, then fail on its first call.
    const ec = await makeTestKey("ES256");
    expect(await cli(["rotate", "secret", "0oa1", ...flags(toSec1Pem(ec.pkcs8))], env)).toEqual({
      code: 3,
      stdout: "",
      stderr:
        'error: auth.privateKey: the PEM is a SEC1 "EC PRIVATE KEY"; convert it with `openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`\n',
    });
    expect(server.requests).toEqual([]);
  });
});
