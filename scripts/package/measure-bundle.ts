import { builtinModules } from "node:module";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "esbuild";

/**
 * What an app bundle costs at first load (the entry chunk and what it imports statically): bytes minified, bytes
 * minified and gzipped, and what went into it; plus the chunks it loads only on demand (`import()`).
 */
export interface BundleSize {
  readonly minified: number;
  readonly gzipped: number;
  /** Every input file esbuild put into the first-load chunks, relative to the working directory. */
  readonly inputs: readonly string[];
  /** Minified and gzipped bytes of the chunks loaded on demand, such as the OAuth path with jose. */
  readonly lazyMinified: number;
  readonly lazyGzipped: number;
  /** Input files that are only in on-demand chunks. */
  readonly lazyInputs: readonly string[];
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
 * esbuild, ESM, minified, tree-shaken, split at dynamic imports; then gzips each chunk at level 9 with node:zlib.
 */
export async function measureBundle(source: string, resolveDir: string): Promise<BundleSize> {
  const nodeBuiltins = new Set<string>();
  const result = await build({
    stdin: { contents: source, resolveDir, loader: "js", sourcefile: "app.js" },
    bundle: true,
    splitting: true,
    outdir: "/bundle",
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [recordNodeBuiltins(nodeBuiltins)],
  });
  const { first, lazy } = splitOutputs(result.metafile);
  const sizeOf = (paths: readonly string[]) => {
    // Metafile paths are relative to the working directory; output files carry absolute paths.
    const wanted = new Set(paths.map((path) => resolve(path)));
    const files = result.outputFiles.filter((file) => wanted.has(file.path));
    return {
      minified: files.reduce((sum, file) => sum + file.contents.byteLength, 0),
      gzipped: files.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).byteLength, 0),
    };
  };
  const firstSize = sizeOf(first);
  const lazySize = sizeOf(lazy);
  const inputsOf = (paths: readonly string[]) =>
    new Set(paths.flatMap((path) => Object.keys(result.metafile.outputs[path]?.inputs ?? {})));
  const firstInputs = inputsOf(first);
  return {
    ...firstSize,
    inputs: [...firstInputs],
    lazyMinified: lazySize.minified,
    lazyGzipped: lazySize.gzipped,
    lazyInputs: [...inputsOf(lazy)].filter((input) => !firstInputs.has(input)),
    nodeBuiltins: [...nodeBuiltins].sort(),
  };
}

type Metafile = Awaited<ReturnType<typeof build>>["metafile"];

/**
 * The JavaScript outputs a first load fetches (the app's entry and its static imports), and those it may fetch
 * later through `import()`; chunks nothing in the app can reach (entries of dead code) are in neither.
 */
function splitOutputs(metafile: Metafile): { first: string[]; lazy: string[] } {
  const outputs = metafile?.outputs ?? {};
  // esbuild names the output of a stdin entry `stdin.js`, whatever its source file is called.
  const entry = Object.keys(outputs).filter((path) => path.endsWith("/stdin.js"));
  const first = closure(outputs, entry, ["import-statement"]);
  const reachable = closure(outputs, entry, ["import-statement", "dynamic-import"]);
  return { first: [...first], lazy: [...reachable].filter((path) => !first.has(path)) };
}

function closure(outputs: NonNullable<Metafile>["outputs"], start: string[], kinds: string[]): Set<string> {
  const found = new Set(start);
  for (const path of found) {
    for (const imported of outputs[path]?.imports ?? []) {
      if (kinds.includes(imported.kind) && !imported.external && imported.path.endsWith(".js"))
        found.add(imported.path);
    }
  }
  return found;
}
