import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createVariants, FRAGMENT } from "./upstream-variant.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs scripts/spec-drift.ts as `npm run spec:drift` would, in its own process. */
function specDrift(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/spec-drift.ts", ...args],
      { cwd: root, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let variants: Awaited<ReturnType<typeof createVariants>>;
let scopeChanged: string;
beforeAll(async () => {
  variants = await createVariants();
  scopeChanged = await variants.write("scope-changed", (spec) => {
    spec.paths["/api/v1/apps/{appId}/credentials/jwks/{keyId}"].get.security = [
      { oauth2: ["okta.apps.manage"] },
    ];
  });
});
afterAll(() => variants.dispose());

describe("npm run spec:drift", { timeout: 30_000 }, () => {
  test("exits 0 when every difference is recorded", async () => {
    const run = await specDrift(FRAGMENT);
    expect(run.stdout).toContain("0 unrecorded difference(s), 0 stale record(s)");
    expect(run.code).toBe(0);
  });

  test("exits 1 and names the operation, its path and both values on unrecorded drift", async () => {
    const run = await specDrift(scopeChanged);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "getJwk  GET /api/v1/apps/{appId}/credentials/jwks/{keyId}\n  differs: security\n",
    );
    expect(run.stdout).toContain('upstream: ["oauth2: okta.apps.manage"]');
    expect(run.stdout).toContain("2 unrecorded difference(s), 0 stale record(s)");
  });

  test("prints the result as JSON with --json", async () => {
    const run = await specDrift(scopeChanged, "--json");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.upstreamVersion).toBe("2026.06.3");
    expect(report.unrecorded.map((d: { op: string; at: string }) => `${d.op} ${d.at}`)).toEqual([
      "getJwk security",
      "getJwk securitySchemes.apiToken",
    ]);
  });

  test("skips with a clear message when the upstream file is missing and --skip-missing is given", async () => {
    const missing = join(variants.dir, "absent.yaml");
    const skipped = await specDrift("--skip-missing", missing);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain(`spec:drift skipped: ${missing} not found`);
    const failed = await specDrift(missing);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(`${missing} not found`);
  });

  test("exits 2 with usage when no upstream is named", async () => {
    const run = await specDrift("--json");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the upstream spec (a path or URL) is missing");
    expect(run.stderr).toContain("Usage: npm run spec:drift --");
  });
});
