import { build } from "esbuild";
import { describe, expect, test } from "vitest";

describe("private-key-authenticator bundle", () => {
  test("bundles for the browser with no node: import", async () => {
    const result = await build({
      entryPoints: ["src/auth/private-key-authenticator.ts"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain("src/auth/private-key-authenticator.ts");
    expect(inputs.some((input) => input.startsWith("node_modules/jose/dist/webapi/"))).toBe(true);
    const imports = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.map((each) => each.path),
    );
    expect(imports.filter((path) => path.startsWith("node:"))).toEqual([]);
    expect(result.outputFiles[0]?.text).not.toMatch(/\bfrom\s*["']node:|require\(["']node:/);
  });
});
