import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const root = new URL("../", import.meta.url);
const work = new URL(".tmp/readme/", root);

/** Names examples use without defining, and what they stand for. */
const PRELUDE: Readonly<Record<string, string>> = {
  okta: 'declare const okta: import("okta-app-credentials").OktaClient;',
  appId: "declare const appId: string;",
  keyId: "declare const keyId: string;",
  tokenCache: "declare const tokenCache: { current(): Promise<string> };",
};

/** A fenced block of a Markdown file: its language label and its text. */
interface Block {
  readonly file: string;
  readonly line: number;
  readonly lang: string;
  readonly code: string;
}

/** The Markdown files whose examples are checked: the README and every guide in `docs/`. */
async function documents(): Promise<string[]> {
  const guides = (await readdir(new URL("docs/", root), { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
    .map((entry) => `docs/${entry.name}`)
    .sort();
  return ["README.md", ...guides];
}

/** Every fenced block of `markdown`, indented ones (inside list items) included. */
function fencedBlocks(file: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: { line: number; lang: string; indent: string; lines: string[] } | undefined;
  for (const [i, text] of markdown.split("\n").entries()) {
    const fence = /^(\s*)```(\S*)\s*$/.exec(text);
    if (!open) {
      if (fence) open = { line: i + 1, lang: fence[2] ?? "", indent: fence[1] ?? "", lines: [] };
    } else if (fence && fence[2] === "") {
      blocks.push({ file, line: open.line, lang: open.lang, code: open.lines.join("\n") });
      open = undefined;
    } else {
      open.lines.push(text.startsWith(open.indent) ? text.slice(open.indent.length) : text);
    }
  }
  if (open) throw new Error(`${file}:${open.line}: a fenced block is never closed`);
  return blocks;
}

function withPrelude(code: string): string {
  const declared = (name: string) =>
    new RegExp(`\\b(const|let|function)\\s+(\\{[^}]*\\b${name}\\b[^}]*\\}|${name}\\b)`).test(code);
  const used = (name: string) => new RegExp(`\\b${name}\\b`).test(code);
  const prelude = Object.entries(PRELUDE)
    .filter(([name]) => used(name) && !declared(name))
    .map(([, declaration]) => declaration);
  return [...prelude, code, "export {};"].join("\n");
}

async function allBlocks(): Promise<Block[]> {
  const files = await documents();
  const texts = await Promise.all(files.map((file) => readFile(new URL(file, root), "utf8")));
  return files.flatMap((file, i) => fencedBlocks(file, texts[i] ?? ""));
}

describe("README and guide examples", () => {
  test("the README stays a front page: at most 10 kB, the rest in the guides", async () => {
    const bytes = (await readFile(new URL("README.md", root))).byteLength;
    expect(bytes).toBeLessThanOrEqual(10_000);
  });

  test("every fenced block names its language, and TypeScript examples are fenced as ts", async () => {
    const unlabelled = (await allBlocks())
      .filter((block) => block.lang === "" || block.lang === "typescript" || block.lang === "tsx")
      .map((block) => `${block.file}:${block.line} \`\`\`${block.lang}`);
    expect(unlabelled).toEqual([]);
  });

  test("every TypeScript example compiles against the built package", { timeout: 60_000 }, async () => {
    const blocks = (await allBlocks()).filter((block) => block.lang === "ts");
    const count = (file: string) => blocks.filter((block) => block.file === file).length;
    expect(count("README.md")).toBeGreaterThanOrEqual(2);
    for (const guide of [
      "docs/auth.md",
      "docs/rotation.md",
      "docs/runtimes.md",
      "docs/testing.md",
      "docs/transport.md",
    ]) {
      expect(count(guide), guide).toBeGreaterThanOrEqual(3);
    }
    expect(blocks.length).toBeGreaterThanOrEqual(20);

    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    const counters = new Map<string, number>();
    const files = await Promise.all(
      blocks.map(async (block) => {
        const n = (counters.get(block.file) ?? 0) + 1;
        counters.set(block.file, n);
        const stem = block.file.replace(/\.md$/, "").replaceAll("/", "-");
        const file = new URL(`${stem}-${String(n).padStart(2, "0")}-line-${block.line}.ts`, work);
        await writeFile(file, withPrelude(block.code));
        return file.pathname;
      }),
    );
    const program = ts.createProgram(files, {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
      types: ["node"],
      noEmit: true,
      skipLibCheck: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName.split("/").pop()}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(problems).toEqual([]);
  });
});
