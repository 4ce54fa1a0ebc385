import type { Command, CommandContext, CommandOutput } from "./command.js";
import { UsageError } from "./exit-codes.js";
import { MOCK_APP_ID } from "./mock-org.js";

/** The flags of `verify`, checked before any request: `--lifecycle` only with the app named twice. */
function checkVerifyFlags({ flags }: CommandContext["args"]): { app: string; lifecycle: boolean } {
  const { app, lifecycle = false, "yes-disposable-app": confirmed } = flags;
  if (!app) throw new UsageError("'verify' needs --app APP_ID");
  if (confirmed !== undefined && !lifecycle)
    throw new UsageError("--yes-disposable-app goes with --lifecycle");
  if (lifecycle && confirmed !== app) {
    throw new UsageError(
      "--lifecycle creates and deletes credentials on the app: confirm that it is disposable with " +
        "--yes-disposable-app repeating the id given to --app",
    );
  }
  return { app, lifecycle };
}

async function verify(context: CommandContext): Promise<CommandOutput> {
  const { app, lifecycle } = checkVerifyFlags(context.args);
  // The spec's schemas and the validator load only when `verify` runs.
  const { verifyApp } = await import("../verify/index.js");
  const report = await verifyApp(context.okta, app, lifecycle ? { lifecycle: { disposableApp: app } } : {});
  const output = { json: report, text: String(report).trimEnd() };
  if (report.ok) return output;
  // The report is the result people came for: print it, then end with a failure exit code.
  context.io.out(`${context.args.flags.json ? JSON.stringify(report, null, 2) : output.text}\n`);
  const failed = report.steps.filter((step) => step.outcome === "failed").length;
  throw new Error(
    `verify found ${report.deviations.length} deviation(s) from the curated spec and ${failed} failed step(s)`,
  );
}

/** `verify`: checks a live app's answers against the curated spec, read-only unless `--lifecycle` is confirmed. */
export const VERIFY_COMMAND: Command = {
  words: ["verify"],
  params: [],
  flags: ["app", "lifecycle", "yes-disposable-app"],
  summary: "Check an org's answers for an app against the curated spec; print a redacted report",
  examples: [
    `okta-app-credentials verify --app ${MOCK_APP_ID}`,
    `okta-app-credentials verify --app ${MOCK_APP_ID} --lifecycle --yes-disposable-app ${MOCK_APP_ID}`,
  ],
  run: verify,
};
