import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, test } from "vitest";
import { measureBundle } from "../../scripts/package/measure-bundle.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("private-key-authenticator bundle", () => {
  test("bundles for the browser with no node: import", async () => {
    const result = await build({
      entryPoints: ["src/auth/private-key/private-key-authenticator.ts"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain("src/auth/private-key/private-key-authenticator.ts");
    expect(inputs.some((input) => input.startsWith("node_modules/jose/dist/webapi/"))).toBe(true);
    const imports = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.map((each) => each.path),
    );
    expect(imports.filter((path) => path.startsWith("node:"))).toEqual([]);
    expect(result.outputFiles[0]?.text).not.toMatch(/\bfrom\s*["']node:|require\(["']node:/);
  });
});

describe("first load of a token-only app", () => {
  test("checks the private-key option's shape but leaves the key parsers to the first private-key call", async () => {
    const size = await measureBundle(
      `import { createOktaClient } from "./src/index.ts";
const okta = createOktaClient({ orgUrl: "https://acme.okta.com", auth: { type: "apiToken", token: globalThis.TOKEN } });
export const keys = okta.jwks.list("0oa1");`,
      ROOT,
    );
    const auth = (inputs: readonly string[]) =>
      inputs.filter((input) => input.startsWith("src/auth/")).sort();
    expect(auth(size.inputs)).toEqual([
      "src/auth/check-key-shape.ts",
      "src/auth/check-private-key-options.ts",
      "src/auth/create-authenticator.ts",
      "src/auth/lazy-authenticator.ts",
      "src/auth/option-error.ts",
      "src/auth/private-key-auth.ts",
      "src/auth/signing-algorithm.ts",
      "src/auth/static-token.ts",
    ]);
    expect(auth(size.lazyInputs)).toEqual(
      expect.arrayContaining([
        "src/auth/private-key/choose-algorithm.ts",
        "src/auth/private-key/der.ts",
        "src/auth/private-key/pem.ts",
        "src/auth/private-key/pkcs8.ts",
        "src/auth/private-key/signing-key.ts",
        "src/auth/private-key/validate-private-key-auth.ts",
      ]),
    );
  });
});
