/**
 * `npm run test:consumers`: packs the built package, installs the tarball here, and compiles consumer projects
 * against it with `skipLibCheck: false`: Node-only (`@types/node` 20, 22, 24; NodeNext, Node16, Bundler; ESM and
 * CommonJS), a browser project (DOM, no `@types/node`), Deno, and both ends of the supported TypeScript range. The
 * oldest TypeScript below the range must fail, so that the range stays true. Exits 1 when any setup disagrees.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { installPackedPackage } from "../helpers/install-packed-package.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const OUT = `${HERE}.out/`;
const MODULES = `${HERE}node_modules/`;

/** One consumer project: a compiler, its options, and the files it compiles. */
interface Setup {
  readonly name: string;
  readonly typescript: string;
  readonly lib: readonly string[];
  /** The major of `@types/node` the project has, none for a browser project. */
  readonly node?: 20 | 22 | 24;
  readonly module: "NodeNext" | "Node16" | "Bundler";
  readonly files: readonly string[];
  /** Below the supported range: this setup must fail, with this text in the compiler's output. */
  readonly mustFail?: string;
}

const NODE_FILES = ["consumer.ts", "node-server.ts", "commonjs.cts"];
const MODULES_ALL = ["NodeNext", "Node16", "Bundler"] as const;

/** A Node-only project (lib ES2022, no DOM); CommonJS consumers only where Node's own resolution applies. */
function nodeProject(typescript: string, node: 20 | 22 | 24, module: Setup["module"]): Setup {
  const files = module === "Bundler" ? NODE_FILES.slice(0, 2) : NODE_FILES;
  return {
    name: `TS ${typescript}, @types/node ${node}, ${module}`,
    typescript,
    lib: ["ES2022"],
    node,
    module,
    files,
  };
}

/** A browser project: the DOM library, no `@types/node`, a bundler's resolution. */
function browserProject(typescript: string): Setup {
  const lib = ["ES2022", "DOM", "DOM.Iterable"];
  return {
    name: `TS ${typescript}, browser (DOM, no @types/node)`,
    typescript,
    lib,
    module: "Bundler",
    files: ["consumer.ts"],
  };
}

const ALL_SETUPS: readonly Setup[] = [
  ...[20, 22, 24].flatMap((node) => MODULES_ALL.map((module) => nodeProject("5.9", node as 20, module))),
  browserProject("5.9"),
  // The ends of the supported range, and the release just below it, which must fail.
  nodeProject("5.4", 20, "NodeNext"),
  browserProject("5.4"),
  nodeProject("6.0", 24, "NodeNext"),
  ...MODULES_ALL.map((module) => nodeProject("7.0", 24, module)),
  browserProject("7.0"),
  { ...nodeProject("5.3", 20, "NodeNext"), mustFail: "openapi-fetch/dist/index.d.mts(101,54): error TS2344" },
];

// `npm run test:consumers -- "TS 7.0"` runs only the setups whose name contains the argument.
const SETUPS = ALL_SETUPS.filter((setup) => setup.name.includes(process.argv[2] ?? ""));

function tsconfig(setup: Setup, dir: string): object {
  const bundler = setup.module === "Bundler";
  return {
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: "ES2022",
      lib: setup.lib,
      types: setup.node ? ["node"] : [],
      module: bundler ? "ESNext" : setup.module,
      moduleResolution: setup.module,
      // `node` names the chosen @types/node here, so that `/// <reference types="node" />` (undici-types has one)
      // finds that version and no other copy further up the tree.
      typeRoots: [`${dir}types`],
    },
    files: setup.files.map((file) => `${HERE}fixtures/${file}`),
  };
}

/** Runs a compiler and resolves with whether it reported nothing, and what it printed. */
function compile(command: string, args: readonly string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: HERE, env: { ...process.env, NO_COLOR: "1" } }, (error, stdout, stderr) =>
      resolve({ ok: error === null, output: `${stdout}${stderr}`.trim() }),
    );
  });
}

async function checkSetup(setup: Setup): Promise<{ ok: boolean; output: string }> {
  const dir = `${OUT}${setup.name.replace(/[^A-Za-z0-9.]+/g, "-")}/`;
  await mkdir(`${dir}types`, { recursive: true });
  if (setup.node) await symlink(`${MODULES}@types/node-${setup.node}`, `${dir}types/node`);
  await writeFile(`${dir}tsconfig.json`, JSON.stringify(tsconfig(setup, dir), null, 2));
  return compile(process.execPath, [
    `${MODULES}typescript-${setup.typescript}/bin/tsc`,
    "-p",
    `${dir}tsconfig.json`,
  ]);
}

/** The version a package installed here declares. */
async function versionOf(name: string): Promise<string> {
  return (JSON.parse(await readFile(`${MODULES}${name}/package.json`, "utf8")) as { version: string })
    .version;
}

let failed = false;
/** Prints one setup's line; a setup that must fail passes only when it fails for the stated reason. */
function report(
  name: string,
  version: string,
  result: { ok: boolean; output: string },
  mustFail?: string,
): void {
  const ok = mustFail === undefined ? result.ok : !result.ok && result.output.includes(mustFail);
  failed ||= !ok;
  const errors = result.output.split("\n").filter((line) => / error( TS\d+)?:|^error:/.test(line)).length;
  const verdict = result.ok
    ? "compiles"
    : `fails (${errors} errors)${mustFail ? `, as it must: ${mustFail}` : ""}`;
  console.log(`${ok ? "ok  " : "FAIL"} ${name.padEnd(48)} ${version.padEnd(7)} ${verdict}`);
  if (!ok || process.env.CONSUMERS_VERBOSE) console.log(result.output.replace(/^/gm, "     "));
}

console.log(`packed ${await installPackedPackage(OUT, MODULES)}`);
// Two compilers at a time: the matrix fits a CI job without starving a two-core machine.
const outcomes: { ok: boolean; output: string }[] = [];
let next = 0;
const lane = async () => {
  for (let i = next++; i < SETUPS.length; i = next++) outcomes[i] = await checkSetup(SETUPS[i] as Setup);
};
await Promise.all([lane(), lane()]);
for (const [i, setup] of SETUPS.entries()) {
  const outcome = outcomes[i] ?? { ok: false, output: "not run" };
  report(setup.name, await versionOf(`typescript-${setup.typescript}`), outcome, setup.mustFail);
}
if ("Deno".includes(process.argv[2] ?? "")) {
  // Deno reads the installed tarball from this folder's node_modules and rewrites nothing (`manual`).
  const deno = await compile(`${MODULES}.bin/deno`, [
    "check",
    "--node-modules-dir=manual",
    "fixtures/consumer.ts",
  ]);
  report("Deno (deno check, its own TypeScript and libs)", await versionOf("deno"), deno);
}
process.exitCode = failed ? 1 : 0;
