import { describe, expect, test } from "vitest";
import { findLink, parseLinkHeader } from "../../src/api/link-header.js";

describe("parseLinkHeader", () => {
  test("reads several links of one header", () => {
    const links = parseLinkHeader(
      '<https://acme.okta.com/api/v1/x?after=a&limit=2>; rel="next", <https://acme.okta.com/api/v1/x>; rel="self"',
    );
    expect(links.map((link) => [link.href, link.rel])).toEqual([
      ["https://acme.okta.com/api/v1/x?after=a&limit=2", ["next"]],
      ["https://acme.okta.com/api/v1/x", ["self"]],
    ]);
  });

  test("reads headers joined by fetch", () => {
    const headers = new Headers();
    headers.append("Link", '<https://a.example/1>; rel="self"');
    headers.append("Link", "<https://a.example/2>; rel=next");
    expect(findLink(headers.get("Link"), "next")).toBe("https://a.example/2");
  });

  test("keeps commas and semicolons inside quoted parameters", () => {
    const [first, second] = parseLinkHeader(
      '<https://a.example/1>; title="a, b; c"; rel="next", <https://a.example/2>; rel="prev"; title="x\\"y"',
    );
    expect(first?.params.get("title")).toBe("a, b; c");
    expect(first?.rel).toEqual(["next"]);
    expect(second?.href).toBe("https://a.example/2");
    expect(second?.params.get("title")).toBe('x"y');
  });

  test("keeps commas and semicolons inside a target", () => {
    expect(findLink('<https://a.example/x?ids=1,2;3>; rel="next"', "next")).toBe(
      "https://a.example/x?ids=1,2;3",
    );
  });

  test("splits rel into its space-separated types, case-insensitively", () => {
    const [link] = parseLinkHeader('<https://a.example/2>; REL="Next  Last"');
    expect(link?.rel).toEqual(["next", "last"]);
    expect(findLink('<https://a.example/2>; REL="Next  Last"', "NEXT")).toBe("https://a.example/2");
  });

  test("keeps the first of repeated parameters", () => {
    const [link] = parseLinkHeader('<https://a.example/2>; rel="next"; rel="prev"');
    expect(link?.rel).toEqual(["next"]);
  });

  test("skips malformed parts and keeps the good ones", () => {
    const links = parseLinkHeader(
      'garbage; rel="next", <https://a.example/ok>; rel="next", <unclosed; rel=next',
    );
    expect(links.map((link) => link.href)).toEqual(["https://a.example/ok"]);
  });

  test("gives nothing for empty input", () => {
    expect(parseLinkHeader(null)).toEqual([]);
    expect(parseLinkHeader("")).toEqual([]);
    expect(findLink(undefined, "next")).toBeUndefined();
    expect(findLink('<https://a.example/1>; rel="self"', "next")).toBeUndefined();
  });

  test("takes linear time on pathological input", () => {
    const shapes = [
      (n: number) => `<${"a".repeat(n)}`,
      (n: number) => `<x>; ${"a=".repeat(n / 2)}`,
      (n: number) => `<x>; t="${"\\,".repeat(n / 2)}`,
      (n: number) => `${";".repeat(n)}`,
      (n: number) => `<x>${'; a="b"'.repeat(n / 7)}`,
      (n: number) => 'x"'.repeat(n / 2),
      (n: number) => "<<".repeat(n / 2),
    ];
    for (const shape of shapes) {
      const small = timeParse(shape(10_000));
      const large = timeParse(shape(100_000));
      expect(large).toBeLessThan(1000);
      // Ten times the input must not cost anywhere near a hundred times the work (quadratic).
      expect(large).toBeLessThan(Math.max(small, 0.5) * 40);
    }
  });
});

function timeParse(header: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    parseLinkHeader(header);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
