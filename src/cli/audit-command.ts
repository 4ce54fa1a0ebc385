import { type AppAudit, auditCredentials } from "../fleet/audit-credentials.js";
import { progressBar, readAppIds } from "./app-ids.js";
import type { Command, CommandContext, CommandOutput } from "./command.js";
import { durationFlag } from "./duration-flag.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { table } from "./format.js";
import { MOCK_APP_ID } from "./mock-org.js";
import { printable } from "./printable.js";

function minRsaBits(context: CommandContext): number | undefined {
  const value = context.args.flags["min-rsa-bits"];
  if (value === undefined) return undefined;
  if (!/^\d{3,5}$/.test(value)) throw new UsageError("--min-rsa-bits must be a number of bits, such as 2048");
  return Number(value);
}

/** One app: a line with its id and finding count, its credentials as a table, then its findings. */
function appText(app: AppAudit): string {
  const head = `App ${app.appId}: ${app.findings.length === 0 ? "no findings" : `${app.findings.length} finding(s)`}`;
  const rows = app.credentials.map((c) => [
    c.kind,
    c.id,
    c.status,
    `${c.ageDays}d`,
    c.alg ?? "-",
    c.bits !== undefined ? `RSA ${c.bits}` : (c.curve ?? "-"),
    c.kind === "key" ? (c.kid ?? "(none)") : "-",
  ]);
  const credentials = rows.length ? table(["KIND", "ID", "STATUS", "AGE", "ALG", "SIZE", "KID"], rows) : "";
  const findings = app.findings.map(
    (f) => `! ${f.code}${f.credentialId ? ` ${f.credentialId}` : ""}: ${f.message}`,
  );
  return [
    head,
    ...[credentials, ...findings].filter(Boolean).flatMap((t) => t.split("\n").map((l) => `  ${l}`)),
  ]
    .map(printable)
    .join("\n");
}

async function audit(context: CommandContext): Promise<CommandOutput> {
  const policy = {
    maxSecretAge: durationFlag(context, "max-secret-age"),
    maxKeyAge: durationFlag(context, "max-key-age"),
    maxInactiveAge: durationFlag(context, "max-inactive-age"),
    minRsaBits: minRsaBits(context),
  };
  const appIds = await readAppIds(context, "audit");
  const report = await auditCredentials(context.okta, appIds, policy, { onProgress: progressBar(context) });
  const findings = report.reduce((sum, app) => sum + app.findings.length, 0);
  const summary = `${report.length} app(s) audited, ${findings} finding(s)`;
  return {
    json: report,
    text: [...report.map(appText), summary].join("\n\n"),
    exitCode: findings > 0 ? EXIT.findings : EXIT.ok,
  };
}

/** `audit`: every app's credentials against a policy; exit code 4 when there are findings. */
export const AUDIT_COMMAND: Command = {
  words: ["audit"],
  params: [],
  variadic: true,
  flags: ["apps", "max-secret-age", "max-key-age", "max-inactive-age", "min-rsa-bits"],
  summary: "Audit the keys and secrets of many apps against a policy (exit 4 on findings)",
  examples: [
    `okta-app-credentials audit ${MOCK_APP_ID} --max-secret-age 90d`,
    "okta-app-credentials audit --apps apps.txt --max-key-age 180d --json",
  ],
  run: audit,
};
