import { execFileSync } from "node:child_process";

/** What `npm pack` would publish: every file's path and the unpacked size in bytes. */
export interface PackedFiles {
  readonly paths: readonly string[];
  readonly unpackedSize: number;
}

/** Paths a published tarball may hold: the build output and the files users and npm expect at the root. */
export const ALLOWED_PACKED: readonly RegExp[] = [
  /^dist\//,
  /^README\.md$/,
  /^LICENSE$/,
  /^NOTICE$/,
  /^CHANGELOG\.md$/,
  /^package\.json$/,
];

/** The packed paths that no entry of {@link ALLOWED_PACKED} allows, in the order given. */
export function unexpectedPackedFiles(paths: readonly string[]): string[] {
  return paths.filter((path) => !ALLOWED_PACKED.some((allowed) => allowed.test(path)));
}

/** Runs `npm pack --dry-run --json` in `dir` (without lifecycle scripts) and reads its file list. */
export function listPackedFiles(dir: string): PackedFiles {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: dir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [report] = JSON.parse(out) as [{ files: { path: string }[]; unpackedSize: number }];
  return { paths: report.files.map((file) => file.path), unpackedSize: report.unpackedSize };
}
