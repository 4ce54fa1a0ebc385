/**
 * The main job, with no Okta org needed: (1) the typed client through all twelve operations against a Prism mock
 * of the curated spec, (2) the rotation workflows against the fake Okta, (3) the command line against the fake
 * Okta. Name parts to run only those: `npm run demo -- cli rotation`.
 */
import { cliWalkthrough } from "./demo-cli.js";
import { walkTwelveOperations } from "./demo-prism.js";
import { rotationWalkthrough } from "./demo-rotation.js";

const PARTS = {
  operations: [
    "The typed client: all twelve operations against a Prism mock of the curated spec",
    walkTwelveOperations,
  ],
  rotation: ["Rotation workflows against the fake Okta", rotationWalkthrough],
  cli: ["The okta-app-credentials command line against the fake Okta", cliWalkthrough],
} as const;

type Part = keyof typeof PARTS;

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  console.error(`Unknown demo part(s): ${unknown.join(", ")}; choose from ${Object.keys(PARTS).join(", ")}`);
  process.exit(2);
}
const parts = (asked.length > 0 ? asked : Object.keys(PARTS)) as Part[];
for (const [i, name] of parts.entries()) {
  const [title, runPart] = PARTS[name];
  console.log(`${i > 0 ? "\n" : ""}=== ${i + 1}. ${title}\n`);
  await runPart();
}
