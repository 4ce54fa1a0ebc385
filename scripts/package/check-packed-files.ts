import type { CheckResult } from "./check-result.js";
import { listPackedFiles, unexpectedPackedFiles } from "./packed-files.js";

/** Checks that `npm pack` in `dir` would publish only the build output and the root documents. */
export function checkPackedFiles(dir: string): CheckResult {
  const packed = listPackedFiles(dir);
  const unexpected = unexpectedPackedFiles(packed.paths);
  return {
    name: "npm pack: only dist/ and root documents",
    ok: unexpected.length === 0,
    detail:
      unexpected.length === 0
        ? `${packed.paths.length} files, ${packed.unpackedSize} B unpacked`
        : `unexpected: ${unexpected.join(", ")}`,
  };
}
