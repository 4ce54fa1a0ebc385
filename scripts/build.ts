/**
 * Builds dist/: type declarations with tsc, and the JavaScript of each entry point bundled with esbuild (split at
 * shared code and dynamic imports), so that importing the package loads a few files instead of dozens. The
 * runtime dependencies (openapi-fetch, jose) and Node built-ins stay external.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { build } from "esbuild";

const ENTRIES = [
  "src/index.ts",
  "src/oauth.ts",
  "src/transport.ts",
  "src/testing/index.ts",
  "src/verify/index.ts",
  "src/testing/node.ts",
  "src/cli/main.ts",
];
const pkg = createRequire(import.meta.url)("../package.json") as { dependencies: Record<string, string> };

await rm("dist", { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--emitDeclarationOnly"], {
  stdio: "inherit",
});
await build({
  entryPoints: ENTRIES,
  outbase: ".",
  outdir: "dist",
  chunkNames: "src/chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  sourcemap: true,
  external: [...Object.keys(pkg.dependencies), "node:*"],
  logLevel: "warning",
});
await mkdir("dist/spec", { recursive: true });
await copyFile("spec/okta-app-credentials.yaml", "dist/spec/okta-app-credentials.yaml");
console.log(`Built dist/ from ${ENTRIES.length} entry points.`);
