import { VERSION } from "../version.js";

/** The globals {@link userAgent} reads to name the runtime and its version. */
export interface RuntimeGlobals {
  readonly Deno?: { readonly version?: { readonly deno?: string } };
  readonly Bun?: { readonly version?: string };
  readonly process?: { readonly versions?: { readonly node?: string } };
}

/** Where each runtime keeps its name and version; checked in order, since Bun and Deno also imitate Node. */
const RUNTIMES: ReadonlyArray<readonly [name: string, version: (g: RuntimeGlobals) => string | undefined]> = [
  ["deno", (g) => g.Deno?.version?.deno],
  ["bun", (g) => g.Bun?.version],
  ["node", (g) => g.process?.versions?.node],
];

/**
 * The `User-Agent` this package sends: `[prefix ]okta-app-credentials/<version> <runtime>/<version>`, with no
 * runtime part where none is known (in browsers, which set their own).
 * @param prefix your application's product token, such as `rotator/1.4.0`.
 * @throws {TypeError} when `prefix` is not a non-empty string of printable ASCII.
 */
export function userAgent(prefix?: string, globals: RuntimeGlobals = globalThis as RuntimeGlobals): string {
  if (prefix !== undefined && (typeof prefix !== "string" || !/^[\x21-\x7e][\x20-\x7e]*$/.test(prefix))) {
    throw new TypeError(
      "userAgent prefix must be a non-empty string of printable ASCII, such as 'rotator/1.4.0'",
    );
  }
  const parts = prefix === undefined ? [] : [prefix.trim()];
  parts.push(`okta-app-credentials/${VERSION}`);
  const runtime = detectRuntime(globals);
  if (runtime) parts.push(runtime);
  return parts.join(" ");
}

function detectRuntime(globals: RuntimeGlobals): string | undefined {
  for (const [name, version] of RUNTIMES) {
    const value = version(globals);
    if (typeof value === "string" && value !== "") return `${name}/${value}`;
  }
  return undefined;
}
