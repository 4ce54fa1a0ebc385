import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, test } from "vitest";
import { measureBundle } from "../../scripts/package/measure-bundle.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// node_modules may be a link to another checkout's, which esbuild names by its real path.
const isJose = (input: string) => input.includes("node_modules/jose/dist/webapi/");

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
    expect(inputs.some(isJose)).toBe(true);
    const imports = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.map((each) => each.path),
    );
    expect(imports.filter((path) => path.startsWith("node:"))).toEqual([]);
    expect(result.outputFiles[0]?.text).not.toMatch(/\bfrom\s*["']node:|require\(["']node:/);
  });
});

describe("first load of a token-only app", () => {
  test("checks the private-key option's shape but leaves jose and the key parsers to the first private-key call", async () => {
    const size = await measureBundle(
      `import { createOktaClient } from "./src/index.ts";
const okta = createOktaClient({ orgUrl: "https://acme.okta.com", auth: { type: "apiToken", token: globalThis.TOKEN } });
export const keys = okta.jwks.list("0oa1");`,
      ROOT,
    );
    const ours = (inputs: readonly string[]) =>
      inputs.filter((input) => input.startsWith("src/auth/") || input.startsWith("src/keys/")).sort();
    expect(ours(size.inputs)).toEqual([
      "src/auth/check-key-shape.ts",
      "src/auth/check-private-key-options.ts",
      "src/auth/create-authenticator.ts",
      "src/auth/lazy-authenticator.ts",
      "src/auth/option-error.ts",
      "src/auth/private-key-auth.ts",
      "src/auth/static-token.ts",
      "src/keys/algorithms.ts",
    ]);
    expect(size.inputs.filter(isJose)).toEqual([]);
    expect(ours(size.lazyInputs)).toEqual(
      expect.arrayContaining([
        "src/auth/private-key/key-authenticator.ts",
        "src/auth/private-key/signing-key.ts",
        "src/keys/import-pem.ts",
        "src/keys/pkcs1-to-pkcs8.ts",
      ]),
    );
    expect(size.lazyInputs.some(isJose)).toBe(true);
  });
});
