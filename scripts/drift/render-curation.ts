import type { Curation, Deviation } from "./curation.js";

const HEADER = [
  "# Curation record for `okta-app-credentials.yaml`",
  "",
  "<!-- Generated from spec/curation.yaml by `npm run spec:curation`. DO NOT EDIT: change the YAML and regenerate. -->",
  "",
];

const COLUMNS = ["id", "where", "upstream says", "this spec says", "why", "evidence", "drift check"];

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function driftCell(deviation: Deviation): string {
  const count = deviation.drift.length;
  return count === 0 ? "not compared" : `${count} expected difference${count === 1 ? "" : "s"}`;
}

function row(d: Deviation): string {
  const cells = [
    d.withdrawn ? `${d.id} (withdrawn)` : d.id,
    d.where,
    d.upstream,
    d.ours,
    d.why,
    d.evidence.join(", "),
    driftCell(d),
  ];
  return `| ${cells.map(cell).join(" | ")} |`;
}

/** Renders spec/CURATION.md from the parsed record, byte for byte what the check compares. */
export function renderCuration(curation: Curation): string {
  const lines = [
    ...HEADER,
    curation.intro,
    "",
    "The last column says how many differences the drift check (`npm run spec:drift`) expects from each",
    'deviation; "not compared" marks deviations in names, prose or examples, which it does not compare.',
    "",
    "## Deviations",
    "",
    `| ${COLUMNS.join(" | ")} |`,
    `|${COLUMNS.map(() => "---").join("|")}|`,
    ...curation.deviations.map(row),
  ];
  return `${lines.join("\n")}\n`;
}
