import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { applyCuration, globToRegExp } from "../../../scripts/drift/apply-curation.js";
import { loadCuration, parseCuration } from "../../../scripts/drift/curation.js";
import type { Difference } from "../../../scripts/drift/model.js";
import { renderCuration } from "../../../scripts/drift/render-curation.js";

const root = new URL("../../../", import.meta.url);

describe("spec/CURATION.md", () => {
  test("is exactly what spec/curation.yaml renders", async () => {
    const curation = await loadCuration(new URL("spec/curation.yaml", root).pathname);
    const markdown = await readFile(new URL("spec/CURATION.md", root), "utf8");
    expect(markdown).toBe(renderCuration(curation));
  });

  test("lists every deviation once, in order", async () => {
    const curation = await loadCuration(new URL("spec/curation.yaml", root).pathname);
    const ids = curation.deviations.map((d) => d.id);
    expect(ids).toEqual(ids.map((_, i) => `D${i + 1}`));
  });
});

const ENTRY = `
intro: Why.
deviations:
  - id: D1
    where: a
    kind: status added
    upstream: no 404
    ours: a 404 response
    why: it happens
    evidence: [F7]
    drift:
      - { op: addJwk, at: responses.404, change: only-ours }
`;

describe("parseCuration", () => {
  test("reads a deviation with its expected drift, defaulting op to every operation", () => {
    const curation = parseCuration(ENTRY.replace("op: addJwk, ", ""));
    expect(curation.deviations[0]?.drift).toEqual([{ op: "*", at: "responses.404", change: "only-ours" }]);
  });

  test("rejects an unknown change with a TypeError naming the deviation", () => {
    expect(() => parseCuration(ENTRY.replace("change: only-ours", "change: added"))).toThrow(
      new TypeError("curation: D1 drift change must be one of only-upstream, only-ours, differs"),
    );
  });

  test("rejects a duplicate id and a missing reason", () => {
    const twice = ENTRY + ENTRY.slice(ENTRY.indexOf("  - id"));
    expect(() => parseCuration(twice)).toThrow(/duplicate id D1/);
    expect(() => parseCuration(ENTRY.replace("why: it happens", "why: ''"))).toThrow(/D1 why must be/);
  });
});

describe("withdrawn deviations", () => {
  test("keep their row, marked withdrawn, and may not expect drift", () => {
    const withdrawn = ENTRY.replace(
      "    drift:\n      - { op: addJwk, at: responses.404, change: only-ours }\n",
      "    withdrawn: true\n",
    );
    expect(renderCuration(parseCuration(withdrawn))).toContain("| D1 (withdrawn) | a | no 404 |");
    expect(() => parseCuration(`${ENTRY}    withdrawn: true\n`)).toThrow(
      new TypeError("curation: D1 is withdrawn and cannot expect drift"),
    );
  });
});

describe("globToRegExp", () => {
  test("keeps * inside a segment and lets ** cross segments", () => {
    expect(globToRegExp("responses.*.headers").test("responses.200.headers")).toBe(true);
    expect(globToRegExp("responses.*.headers").test("responses.200.content.headers")).toBe(false);
    expect(globToRegExp("**.properties.id.minLength").test("responses.200.x.properties.id.minLength")).toBe(
      true,
    );
    expect(globToRegExp("a.oneOf[kty=RSA,*]").test("a.oneOf[kty=RSA,use=sig]")).toBe(true);
  });
});

describe("applyCuration", () => {
  const difference: Difference = { op: "addJwk", at: "responses.404", change: "only-ours", ours: {} };

  test("subtracts a matching difference and reports the unmatched record as stale", () => {
    const curation = parseCuration(
      `${ENTRY}      - { op: createOAuth2ClientSecret, at: responses.404, change: only-ours }\n`,
    );
    const result = applyCuration([difference], curation);
    expect(result.unrecorded).toEqual([]);
    expect(result.recorded).toEqual([{ id: "D1", difference }]);
    expect(result.stale).toEqual([
      { id: "D1", expectation: { op: "createOAuth2ClientSecret", at: "responses.404", change: "only-ours" } },
    ]);
  });

  test("keeps a difference whose recorded value no longer matches", () => {
    const curation = parseCuration(ENTRY.replace("change: only-ours }", "change: only-ours, ours: {a: 1} }"));
    const result = applyCuration([difference], curation);
    expect(result.unrecorded).toEqual([difference]);
    expect(result.stale).toHaveLength(1);
  });
});
