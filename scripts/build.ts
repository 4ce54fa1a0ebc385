/**
 * Builds dist/: type declarations with tsc, and the JavaScript of each entry point bundled with esbuild (split at
 * shared code and dynamic imports), so that importing the package loads a few files instead of dozens. The
 * runtime dependencies (openapi-fetch, jose) and Node built-ins stay external.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { build } from "esbuild";

/**
 * Entry points bundled together share chunks; each group is bundled on its own. The main entry shares only with the
 * entry points a program uses beside it (their classes and state must be one), so importing it loads a few files:
 * with every entry point in one build, each set of entry points that shares a module makes one more chunk to load.
 * The fake, verify and the CLI hold no class or state of the client's, and carry their own copies of what they use.
 */
const GROUPS = [
  ["src/index.ts", "src/oauth.ts", "src/transport.ts"],
  ["src/testing/index.ts", "src/testing/node.ts", "src/verify/index.ts"],
  ["src/cli/main.ts"],
];
const pkg = createRequire(import.meta.url)("../package.json") as { dependencies: Record<string, string> };

await rm("dist", { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--emitDeclarationOnly"], {
  stdio: "inherit",
});
for (const entryPoints of GROUPS) {
  await build({
    entryPoints,
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
}
await mkdir("dist/spec", { recursive: true });
await copyFile("spec/okta-app-credentials.yaml", "dist/spec/okta-app-credentials.yaml");
console.log(`Built dist/ from ${GROUPS.flat().length} entry points.`);
