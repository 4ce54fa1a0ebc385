import { readFileSync } from "node:fs";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import type { CheckResult } from "./check-result.js";

/** Runs publint in strict mode (warnings count) on the package in `dir`. */
export async function checkPublint(dir: string): Promise<CheckResult> {
  const { messages } = await publint({ pkgDir: dir, strict: true });
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
  const problems = messages.filter((message) => message.type !== "suggestion");
  return {
    name: "publint (strict)",
    ok: problems.length === 0,
    detail:
      problems.map((message) => formatMessage(message, manifest) ?? message.code).join("; ") ||
      `clean (${messages.length} suggestions)`,
  };
}
