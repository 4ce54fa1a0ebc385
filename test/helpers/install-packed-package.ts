import { execFileSync } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Packs the built package (`npm pack`, into `out`, emptied first) and unpacks the tarball as
 * `<nodeModules>/okta-app-credentials`, the way npm installs it; returns the tarball's name. Run `npm run build` first.
 */
export async function installPackedPackage(out: string, nodeModules: string): Promise<string> {
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const packed = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", out], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
  const target = `${nodeModules}/okta-app-credentials`;
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  execFileSync("tar", ["-xzf", `${out}/${filename}`, "-C", target, "--strip-components=1"]);
  return filename;
}
