/**
 * Builds dist/: type declarations with tsc, and the JavaScript of each entry point bundled with esbuild (split at
 * shared code and dynamic imports), so that importing the package loads a few files instead of dozens. The
 * runtime dependencies (openapi-fetch, jose) and Node built-ins stay external.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { type BuildOptions, build, type Plugin } from "esbuild";

const ERROR_CLASSES = resolve("src/errors/okta-errors.ts");

/**
 * `/oauth` and `/transport` take the error classes from the main entry (`dist/src/index.js`, which exports them all),
 * so that a program that mixes them has one `OktaError`, and `instanceof` holds across them.
 */
const errorClassesFromMainEntry: Plugin = {
  name: "error-classes-from-main-entry",
  setup(build) {
    build.onResolve({ filter: /\/okta-errors\.js$/ }, ({ path, resolveDir }) =>
      resolve(resolveDir, path.replace(/\.js$/, ".ts")) === ERROR_CLASSES
        ? { path: "./index.js", external: true }
        : undefined,
    );
  },
};

/**
 * Each group is bundled on its own; entry points within a group share chunks. With every entry point in one build,
 * each set of entry points that shares a module becomes one more chunk, so the main entry is bundled alone: importing
 * it loads it and nothing else of the package until a call needs more. `/oauth` and `/transport` are bundled together
 * with their chunks beside the main entry (the path `./index.js` holds from both). The fake, verify and the CLI hold
 * no class or state of the client's, and carry their own copies of what they use.
 */
const GROUPS: BuildOptions[] = [
  { entryPoints: ["src/index.ts"] },
  {
    entryPoints: ["src/oauth.ts", "src/transport.ts"],
    chunkNames: "src/[name]-[hash]",
    plugins: [errorClassesFromMainEntry],
  },
  { entryPoints: ["src/testing/index.ts", "src/testing/node.ts", "src/verify/index.ts"] },
  { entryPoints: ["src/cli/main.ts"] },
];
const pkg = createRequire(import.meta.url)("../package.json") as { dependencies: Record<string, string> };

await rm("dist", { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--emitDeclarationOnly"], {
  stdio: "inherit",
});
for (const group of GROUPS) {
  await build({
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
    ...group,
  });
}
await mkdir("dist/spec", { recursive: true });
await copyFile("spec/okta-app-credentials.yaml", "dist/spec/okta-app-credentials.yaml");
console.log(
  `Built dist/ from ${GROUPS.flatMap((group) => group.entryPoints as string[]).length} entry points.`,
);
