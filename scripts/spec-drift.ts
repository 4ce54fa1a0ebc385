/**
 * Compares the ApplicationSSOPublicKeys operations of Okta's management spec with spec/okta-app-credentials.yaml,
 * subtracts the deviations recorded in spec/curation.yaml, and reports what is left.
 *
 *   npm run spec:drift -- <path or URL of Okta's management spec> [--json] [--skip-missing]
 *
 * Exit codes: 0 no unrecorded drift, 1 unrecorded drift or stale records, 2 bad arguments or unreadable input.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatJson, formatReport } from "./drift/format-report.js";
import { isUrl } from "./drift/load-tagged.js";
import { type DriftOptions, runDrift } from "./drift/run-drift.js";

const root = new URL("../", import.meta.url);
const USAGE = `Usage: npm run spec:drift -- <path or URL of Okta's management spec> [--json] [--skip-missing]
       [--spec FILE] [--curation FILE]

  --json          print the result as JSON
  --skip-missing  exit 0 with a "skipped" message when the upstream file does not exist
  --spec          the curated fragment (default spec/okta-app-credentials.yaml)
  --curation      the record of deviations (default spec/curation.yaml)`;

interface Arguments extends DriftOptions {
  json: boolean;
  skipMissing: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const args: Arguments = {
    upstream: "",
    spec: fileURLToPath(new URL("spec/okta-app-credentials.yaml", root)),
    curation: fileURLToPath(new URL("spec/curation.yaml", root)),
    json: false,
    skipMissing: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--json") args.json = true;
    else if (arg === "--skip-missing") args.skipMissing = true;
    else if (arg === "--spec" || arg === "--curation") {
      const value = argv[++i];
      if (!value) throw new TypeError(`${arg} needs a file`);
      args[arg === "--spec" ? "spec" : "curation"] = value;
    } else if (arg.startsWith("--")) throw new TypeError(`unknown option ${arg}`);
    else if (args.upstream)
      throw new TypeError(`only one upstream document, got ${args.upstream} and ${arg}`);
    else args.upstream = arg;
  }
  if (!args.upstream) throw new TypeError("the upstream spec (a path or URL) is missing");
  return args;
}

async function main(argv: string[]): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    console.error(`spec:drift: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!isUrl(args.upstream) && !existsSync(args.upstream)) {
    if (args.skipMissing) {
      console.log(
        `spec:drift skipped: ${args.upstream} not found (put a copy of Okta's management spec there to run it).`,
      );
      return 0;
    }
    console.error(`spec:drift: ${args.upstream} not found`);
    return 2;
  }
  try {
    const report = await runDrift(args);
    process.stdout.write(args.json ? formatJson(report) : formatReport(report));
    return report.unrecorded.length === 0 && report.stale.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(`spec:drift: ${(error as Error).message}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
