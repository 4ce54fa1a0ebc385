import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createOktaClient, rotateClientSecret } from "../../src/index.js";
import { scriptedServers } from "../helpers/scripted-server.js";
import { attackTally } from "./attack-tally.js";

const APP = "0oa8kg3bp0aQ7nD0x5d7";
const JWKS = `/api/v1/apps/${APP}/credentials/jwks`;

const tally = attackTally("path ids");
const serve = scriptedServers();

async function setup() {
  const server = await serve(() => ({ status: 200, body: { id: "pksAnswered", status: "INACTIVE" } }));
  const okta = createOktaClient({ orgUrl: server.url, auth: { type: "apiToken", token: "00pathIdToken" } });
  return { server, okta };
}

/** Whether `call` rejects with a TypeError. */
async function refused(call: () => Promise<unknown>): Promise<boolean> {
  return call().then(
    () => false,
    (error: unknown) => error instanceof TypeError,
  );
}

// Pieces an attacker would combine: dot segments, their encodings, separators, lone surrogates, odd spaces.
const PIECES = [
  ".",
  "..",
  "%2e",
  "%2E",
  "/",
  "\\",
  "?",
  "#",
  ";",
  "@",
  ":",
  "+",
  "&",
  "=",
  "~",
  "*",
  "'",
  "(",
  "!",
];
const UNICODE = ["\uD800", "\uDC00", "😀", "é", "\u200B", "\uFEFF", "\u3000", "\u0085", "\u0000", "\t", " "];
const hostileId = fc
  .array(fc.constantFrom(...PIECES, ...UNICODE, "pks1", "a"), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(""));

describe("path ids", () => {
  test.each([
    ["..", "jwks.delete"],
    [".", "jwks.delete"],
    ["\uD800", "jwks.get"],
    ["pks\uDC00", "jwks.get"],
  ])(
    "dot segment or lone surrogate %j as a keyId is a TypeError before any request (%s)",
    async (id, call) => {
      tally.attack();
      const { server, okta } = await setup();
      const run = call === "jwks.delete" ? () => okta.jwks.delete(APP, id) : () => okta.jwks.get(APP, id);
      const error = await run().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toMatch(/^keyId must /);
      tally.expectNoStrayRequests(server.requests);
    },
  );

  test.each([".", ".."])("%j as an appId or a secretId is refused the same way", async (id) => {
    tally.attack();
    const { server, okta } = await setup();
    await expect(okta.secrets.list(id)).rejects.toThrow(/^appId must /);
    await expect(okta.secrets.deactivate(APP, id)).rejects.toThrow(/^secretId must /);
    await expect(
      rotateClientSecret(okta, APP, { deploy: async () => {}, deleteInactive: id }),
    ).rejects.toThrow(/^secretId must /);
    tally.expectNoStrayRequests(server.requests);
  });

  test("any id either is refused before a request or reaches Okta as exactly one path segment, unchanged", async () => {
    const { server, okta } = await setup();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileId, fc.string({ unit: "binary", minLength: 1, maxLength: 6 })),
        async (id) => {
          tally.attack();
          const before = server.requests.length;
          if (await refused(() => okta.jwks.get(APP, id))) return server.requests.length === before;
          const sent = server.requests.at(-1)?.url ?? "";
          const segment = sent.startsWith(`${JWKS}/`) ? sent.slice(JWKS.length + 1) : undefined;
          return (
            server.requests.length === before + 1 &&
            segment !== undefined &&
            !segment.includes("/") &&
            decodeURIComponent(segment) === id
          );
        },
      ),
      { numRuns: 300, seed: 20_260_302 },
    );
  });
});
