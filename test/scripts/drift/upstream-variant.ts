import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import type { DriftOptions } from "../../../scripts/drift/run-drift.js";

const root = new URL("../../../", import.meta.url);

/** Okta's published fragment for the twelve operations, unchanged. */
export const FRAGMENT = fileURLToPath(new URL("test/fixtures/drift/okta-upstream-fragment.yaml", root));

/** Drift options for the project's own spec and record against `upstream`. */
export function optionsFor(upstream: string, curation = "spec/curation.yaml"): DriftOptions {
  return {
    upstream,
    spec: fileURLToPath(new URL("spec/okta-app-credentials.yaml", root)),
    curation: fileURLToPath(new URL(curation, root)),
  };
}

// The fixture is plain YAML data; tests reach into it with string keys.
// biome-ignore lint/suspicious/noExplicitAny: mutations address arbitrary spec paths
export type Spec = any;

/** A scratch directory holding upstream variants; `dispose()` removes it. */
export async function createVariants(): Promise<{
  write: (name: string, mutate: (spec: Spec) => void) => Promise<string>;
  dir: string;
  dispose: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "okta-drift-"));
  const source = await readFile(FRAGMENT, "utf8");
  return {
    dir,
    async write(name, mutate) {
      const spec: Spec = parse(source);
      mutate(spec);
      const path = join(dir, `${name}.yaml`);
      await writeFile(path, stringify(spec));
      return path;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
