/**
 * Writes spec/CURATION.md from spec/curation.yaml. `--check` writes nothing and exits 1 when the committed
 * Markdown differs from what the YAML produces.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadCuration } from "./drift/curation.js";
import { renderCuration } from "./drift/render-curation.js";

const yamlUrl = new URL("../spec/curation.yaml", import.meta.url);
const markdownUrl = new URL("../spec/CURATION.md", import.meta.url);

async function main(): Promise<number> {
  const fresh = renderCuration(await loadCuration(fileURLToPath(yamlUrl)));
  if (process.argv.includes("--check")) {
    const current = await readFile(markdownUrl, "utf8").catch(() => "");
    if (current === fresh) {
      console.log("spec/CURATION.md matches spec/curation.yaml.");
      return 0;
    }
    console.error(
      "spec/CURATION.md differs from spec/curation.yaml. Run `npm run spec:curation` and commit.",
    );
    return 1;
  }
  await writeFile(markdownUrl, fresh);
  console.log("Wrote spec/CURATION.md.");
  return 0;
}

process.exitCode = await main();
