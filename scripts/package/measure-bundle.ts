import { builtinModules } from "node:module";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

/** What an app bundle costs: bytes minified, bytes minified and gzipped, and what went into it. */
export interface BundleSize {
  readonly minified: number;
  readonly gzipped: number;
  /** Every input file esbuild put into the bundle, relative to the working directory. */
  readonly inputs: readonly string[];
  /** Node built-in modules the code imports (kept external so they can be reported, not bundled). */
  readonly nodeBuiltins: readonly string[];
}

const BUILTINS = new Set(builtinModules);

/** True for `node:fs`, `fs`, `fs/promises` and every other name of a Node built-in module. */
export function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith("node:")) return true;
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split("/")[0] ?? "");
}

function recordNodeBuiltins(found: Set<string>): Plugin {
  return {
    name: "record-node-builtins",
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point" || !isNodeBuiltin(args.path)) return undefined;
        found.add(args.path);
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * Bundles `source` (an app's entry module, resolved from `resolveDir`) the way a browser app would ship it:
 * esbuild, ESM, minified, tree-shaken; then gzips it at level 9 with node:zlib.
 */
export async function measureBundle(source: string, resolveDir: string): Promise<BundleSize> {
  const nodeBuiltins = new Set<string>();
  const result = await build({
    stdin: { contents: source, resolveDir, loader: "js", sourcefile: "app.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [recordNodeBuiltins(nodeBuiltins)],
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    minified: code.byteLength,
    gzipped: gzipSync(code, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs),
    nodeBuiltins: [...nodeBuiltins].sort(),
  };
}
