import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";

/** What installing a package costs: how many packages land in node_modules and how many bytes they hold. */
export interface InstallSize {
  readonly packages: number;
  readonly bytes: number;
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? directoryBytes(path) : entry.isFile() ? statSync(path).size : 0;
  }
  return total;
}

// Node's lookup: the package's own node_modules first, then each ancestor's.
function resolvePackage(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) throw new Error(`cannot find ${name} from ${from}`);
  }
}

function productionDependencies(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  return Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
}

/**
 * Walks the production dependency closure of the package in `dir` as installed, counting each installed
 * copy once. `ownBytes` replaces the size of `dir` itself (for a package measured from its packed files).
 */
export function installSize(dir: string, ownBytes?: number): InstallSize {
  const seen = new Set<string>([dir]);
  const queue = [dir];
  let bytes = ownBytes ?? directoryBytes(dir);
  while (queue.length > 0) {
    const current = queue.pop() as string;
    for (const name of productionDependencies(current)) {
      let found: string;
      try {
        found = resolvePackage(name, current);
      } catch {
        continue; // an optional dependency that is not installed on this platform
      }
      if (seen.has(found)) continue;
      seen.add(found);
      queue.push(found);
      bytes += directoryBytes(found);
    }
  }
  return { packages: seen.size, bytes };
}
