/**
 * `npm run api:report`: writes the public API of each entry point, as API Extractor sees it in the built
 * declarations, to docs/public-api/. `--check` changes nothing and exits 1 when a report no longer matches the
 * build, so that every change to the public API is deliberate and shows in review. Run `npm run build` first.
 */
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig, ExtractorLogLevel } from "@microsoft/api-extractor";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Each entry point's declarations and the name of its report. */
export const ENTRY_POINTS = [
  { dts: "dist/src/index.d.ts", report: "okta-app-credentials" },
  { dts: "dist/src/oauth.d.ts", report: "okta-app-credentials-oauth" },
  { dts: "dist/src/transport.d.ts", report: "okta-app-credentials-transport" },
  { dts: "dist/src/testing/index.d.ts", report: "okta-app-credentials-testing" },
  { dts: "dist/src/verify/index.d.ts", report: "okta-app-credentials-verify" },
  { dts: "dist/src/testing/node.d.ts", report: "okta-app-credentials-testing-node" },
] as const;

/** What one entry point's check found. */
export interface ApiReportResult {
  readonly report: string;
  readonly ok: boolean;
  readonly changed: boolean;
  readonly messages: readonly string[];
}

/** Compares (or, with `update`, rewrites) the report of one entry point against the current build. */
export function checkApiReport(entry: (typeof ENTRY_POINTS)[number], update: boolean): ApiReportResult {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: ROOT,
      mainEntryPointFilePath: `<projectFolder>/${entry.dts}`,
      compiler: { tsconfigFilePath: "<projectFolder>/tsconfig.build.json" },
      apiReport: {
        enabled: true,
        reportFileName: `${entry.report}.api.md`,
        reportFolder: "<projectFolder>/docs/public-api/",
        reportTempFolder: "<projectFolder>/.tmp/api-report/",
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
          // Every export is public, so the package uses no release tags; members need no TSDoc of their own.
          "ae-missing-release-tag": { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          "ae-undocumented": { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: `${ROOT}api-extractor.json`,
    packageJsonFullPath: `${ROOT}package.json`,
  });
  const messages: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    messageCallback: (message) => {
      message.handled = true;
      if (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning) {
        messages.push(message.formatMessageWithoutLocation());
      }
    },
  });
  return { report: entry.report, ok: result.succeeded, changed: result.apiReportChanged, messages };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const update = !process.argv.includes("--check");
  const results = ENTRY_POINTS.map((entry) => checkApiReport(entry, update));
  for (const result of results) {
    const verdict = result.changed ? (update ? "updated" : "CHANGED") : "unchanged";
    process.stdout.write(`${verdict.padEnd(9)} docs/public-api/${result.report}.api.md\n`);
    for (const message of result.messages) process.stdout.write(`  ${message}\n`);
  }
  process.exitCode = results.every((result) => result.ok || (update && result.changed)) ? 0 : 1;
}
