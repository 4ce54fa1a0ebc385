import { describe, expect, test } from "vitest";
import { createOktaClient, isOktaError, type NewJwk, type OktaClient } from "../../src/index.js";
import { scriptedServers } from "../helpers/scripted-server.js";
import { attackTally } from "./attack-tally.js";

const APP = "0oa8kg3bp0aQ7nD0x5d7";
const NEW_KEY = { kty: "RSA", use: "sig", kid: "k1", e: "AQAB", n: "n".repeat(342) } as NewJwk;

const tally = attackTally("response shapes");
const serve = scriptedServers();

type Call = (okta: OktaClient) => Promise<unknown>;

/** Every operation that returns something: its name, how to call it, and whether it returns a list. */
const CALLS: readonly (readonly [string, Call, "list" | "one"])[] = [
  ["jwks.list", (okta) => okta.jwks.list(APP), "list"],
  ["jwks.get", (okta) => okta.jwks.get(APP, "pks1"), "one"],
  ["jwks.add", (okta) => okta.jwks.add(APP, NEW_KEY), "one"],
  ["jwks.activate", (okta) => okta.jwks.activate(APP, "pks1"), "one"],
  ["jwks.deactivate", (okta) => okta.jwks.deactivate(APP, "pks1"), "one"],
  ["secrets.list", (okta) => okta.secrets.list(APP), "list"],
  ["secrets.get", (okta) => okta.secrets.get(APP, "ocs1"), "one"],
  ["secrets.create", (okta) => okta.secrets.create(APP), "one"],
  ["secrets.activate", (okta) => okta.secrets.activate(APP, "ocs1"), "one"],
  ["secrets.deactivate", (okta) => okta.secrets.deactivate(APP, "ocs1"), "one"],
];

// 2xx bodies a broken or hostile server could send instead of the documented shape.
const NOT_A_LIST = [{}, null, "text", 42, [{}], [null], [{ id: 5 }], [{ id: "pks1" }, "x"], { keys: "x" }];
const NOT_ONE = [{}, null, "text", [], [{ id: "pks1" }], { id: "" }, { id: 7 }, true];

async function answering(body: unknown) {
  // The status each operation documents; openapi-fetch reads the body of any 2xx the same way.
  const server = await serve((request) => ({
    status: request.method === "POST" && !request.url.includes("lifecycle") ? 201 : 200,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }));
  return createOktaClient({ orgUrl: server.url, auth: { type: "apiToken", token: "00shapeToken" } });
}

describe("2xx bodies are checked before the facade returns them", () => {
  for (const [name, call, kind] of CALLS) {
    const bodies = kind === "list" ? NOT_A_LIST : NOT_ONE;
    test.each(bodies.map((body) => [JSON.stringify(body), body]))(
      `${name} answered with %s is an OktaError naming the call`,
      async (_, body) => {
        tally.attack();
        const error = await call(await answering(body)).then(
          (result: unknown) => result,
          (caught: unknown) => caught,
        );
        expect(isOktaError(error)).toBe(true);
        expect((error as Error).message).toMatch(
          new RegExp(`^Okta's answer to ${name.replace(".", "\\.")} \\(`),
        );
      },
    );
  }

  test.each([
    ["jwks.delete", (okta: OktaClient) => okta.jwks.delete(APP, "pks1")],
    ["secrets.delete", (okta: OktaClient) => okta.secrets.delete(APP, "ocs1")],
  ])("%s answered 200 with a body still resolves to nothing", async (_, call) => {
    tally.attack();
    expect(await call(await answering({ anything: "at all" }))).toBeUndefined();
  });

  test("the documented shapes pass as they came", async () => {
    const key = { id: "pks1", kty: "EC", use: "sig", status: "ACTIVE" };
    expect(await (await answering([key])).jwks.list(APP)).toEqual([key]);
    expect(await (await answering({ keys: [key] })).jwks.list(APP)).toEqual([key]);
    expect(await (await answering(key)).jwks.activate(APP, "pks1")).toEqual(key);
    expect(await (await answering([])).secrets.list(APP)).toEqual([]);
  });
});
