import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { VERSION } from "../src/version.js";

describe("VERSION", () => {
  test("equals the version in package.json", async () => {
    const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
  });
});
