import { describe, expect, test } from "vitest";
import { userAgent } from "../../src/transport/user-agent.js";
import { VERSION } from "../../src/version.js";

describe("userAgent", () => {
  test("names the package and the Node version it runs on", () => {
    expect(userAgent()).toBe(`okta-app-credentials/${VERSION} node/${process.versions.node}`);
  });

  test("puts the caller's product token first", () => {
    expect(userAgent("rotator/1.4.0")).toBe(
      `rotator/1.4.0 okta-app-credentials/${VERSION} node/${process.versions.node}`,
    );
  });

  test("names Deno and Bun before the Node they imitate", () => {
    const node = { versions: { node: "20.0.0" } };
    expect(userAgent(undefined, { Deno: { version: { deno: "2.1.4" } }, process: node })).toBe(
      `okta-app-credentials/${VERSION} deno/2.1.4`,
    );
    expect(userAgent(undefined, { Bun: { version: "1.2.3" }, process: node })).toBe(
      `okta-app-credentials/${VERSION} bun/1.2.3`,
    );
  });

  test("leaves the runtime out where none is known", () => {
    expect(userAgent(undefined, {})).toBe(`okta-app-credentials/${VERSION}`);
  });

  test("rejects a prefix that is not printable ASCII", () => {
    expect(() => userAgent("")).toThrow(TypeError);
    expect(() => userAgent("bad\nheader")).toThrow(/prefix/);
    expect(() => userAgent(42 as unknown as string)).toThrow(TypeError);
  });
});
