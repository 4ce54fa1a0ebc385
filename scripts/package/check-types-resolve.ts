import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { CheckResult } from "./check-result.js";

interface AttwReport {
  readonly analysis?: {
    readonly problems?: readonly { kind: string; entrypoint: string; resolutionKind: string }[];
  };
}

const CLI = fileURLToPath(new URL("../../node_modules/@arethetypeswrong/cli/dist/index.js", import.meta.url));

// `./spec.yaml` is a data file, not a module: there is nothing for TypeScript to resolve.
const NOT_MODULES = ["./spec.yaml"];

/**
 * Packs the package in `dir` and runs @arethetypeswrong/cli on it with the `esm-only` profile (the package is
 * ESM only, so CommonJS `require` resolutions are out of scope).
 */
export function checkTypesResolve(dir: string): CheckResult {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [
        CLI,
        "--pack",
        dir,
        "--profile",
        "esm-only",
        "--format",
        "json",
        "--exclude-entrypoints",
        ...NOT_MODULES,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (error) {
    // attw exits 1 when it finds problems, with its JSON report on stdout all the same.
    out = String((error as { stdout?: unknown }).stdout ?? "");
  }
  const report = JSON.parse(out || "{}") as AttwReport;
  const ignored = new Set(["node10", "node16-cjs"]);
  const problems = (report.analysis?.problems ?? []).filter((p) => !ignored.has(p.resolutionKind));
  return {
    name: "arethetypeswrong (esm-only)",
    ok: report.analysis !== undefined && problems.length === 0,
    detail:
      report.analysis === undefined
        ? "attw produced no report"
        : problems.map((p) => `${p.entrypoint} ${p.resolutionKind}: ${p.kind}`).join("; ") || "clean",
  };
}
