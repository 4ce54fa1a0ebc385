import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import ts from "typescript";
import { describe, expect, test } from "vitest";

const root = new URL("../", import.meta.url);
const work = new URL(".tmp/readme/", root);

/** Names README examples use without defining, and what they stand for. */
const PRELUDE: Readonly<Record<string, string>> = {
  okta: 'declare const okta: import("okta-app-credentials").OktaClient;',
  appId: "declare const appId: string;",
  keyId: "declare const keyId: string;",
  tokenCache: "declare const tokenCache: { current(): Promise<string> };",
};

function examples(readme: string): string[] {
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
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

describe("README examples", () => {
  test("every TypeScript example compiles against the built package", { timeout: 60_000 }, async () => {
    const blocks = examples(await readFile(new URL("README.md", root), "utf8"));
    expect(blocks.length).toBeGreaterThan(10);
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    const files = await Promise.all(
      blocks.map(async (code, i) => {
        const file = new URL(`example-${String(i + 1).padStart(2, "0")}.ts`, work);
        await writeFile(file, withPrelude(code));
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
