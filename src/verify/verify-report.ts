import { SPEC_VERSION } from "../../generated/spec-responses.js";
import { VERSION } from "../version.js";
import type { VerifyDeviation } from "./check-exchange.js";
import type { VerifyStep } from "./verify-steps.js";

/** An answer that deviates, as the report shows it: secrets and key material already redacted. */
export interface DeviatingAnswer {
  /** Method and path, such as `GET /api/v1/apps/0oa…/credentials/jwks`. */
  readonly request: string;
  /** The HTTP status Okta answered with. */
  readonly status: number;
  /** Okta's `X-Okta-Request-Id`, to quote to Okta support. */
  readonly requestId: string | null;
  /** The body as JSON text, redacted, cut at 2,000 characters. */
  readonly body: string;
}

/** What `verifyApp` found: every step, every deviation from the curated spec, and a Markdown rendering. */
export interface VerifyReport {
  /** The app that was checked. */
  readonly appId: string;
  /** `read-only` (lists and gets), or `lifecycle` (also created and deleted a secret and a key). */
  readonly mode: "read-only" | "lifecycle";
  /** The curated spec's version the answers were checked against. */
  readonly specVersion: string;
  /** Every call made, in order, with how it went. */
  readonly steps: readonly VerifyStep[];
  /** How many answers were checked. */
  readonly checked: number;
  /** Every way an answer differed from the curated spec. */
  readonly deviations: readonly VerifyDeviation[];
  /** The answers that differed, redacted, for the report. */
  readonly answers: readonly DeviatingAnswer[];
  /** No step failed and no answer deviated. */
  readonly ok: boolean;
  /** The report as Markdown, ready to attach to a bug report. */
  toString(): string;
}

/** Builds the report; `hidden` are secret and key values to scrub from its text, whatever quoted them. */
export function createReport(
  fields: Omit<VerifyReport, "ok" | "specVersion" | "toString">,
  hidden: readonly string[],
): VerifyReport {
  const ok = fields.deviations.length === 0 && fields.steps.every((step) => step.outcome !== "failed");
  const report: VerifyReport = {
    ...fields,
    specVersion: SPEC_VERSION,
    ok,
    toString: () =>
      hidden.reduce((text, value) => text.split(value).join("[redacted]"), renderMarkdown(report)),
  };
  return report;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function renderMarkdown(report: VerifyReport): string {
  const { appId, mode, steps, checked, deviations, answers } = report;
  const lines = [
    `### okta-app-credentials verify: ${mode} check of app ${appId}`,
    "",
    `okta-app-credentials ${VERSION}, curated spec ${report.specVersion}: ${checked} answers checked, ` +
      `${deviations.length} deviation(s), ${steps.filter((s) => s.outcome === "failed").length} failed step(s).`,
    "",
    "| step | outcome | detail |",
    "|---|---|---|",
    ...steps.map((s) => `| ${cell(s.name)} | ${s.outcome} | ${cell(s.detail ?? "")} |`),
  ];
  if (deviations.length > 0) {
    lines.push("", "#### Deviations from the curated spec", "");
    lines.push(
      "| operation | request | status | X-Okta-Request-Id | part | at | what |",
      "|---|---|---|---|---|---|---|",
    );
    for (const d of deviations) {
      const row = [d.operationId, d.request, String(d.status), d.requestId ?? "", d.part, d.at, d.message];
      lines.push(`| ${row.map(cell).join(" | ")} |`);
    }
    lines.push("", "#### The deviating answers (secrets and key material redacted)");
    for (const answer of answers) {
      lines.push(
        "",
        `\`${answer.request}\` answered ${answer.status} (X-Okta-Request-Id ${answer.requestId ?? "none"}):`,
      );
      lines.push("", "```json", answer.body, "```");
    }
  }
  return `${lines.join("\n")}\n`;
}
