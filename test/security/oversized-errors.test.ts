import type { ServerResponse } from "node:http";
import { beforeAll, describe, expect, test } from "vitest";
import {
  createOktaClient,
  isOktaApiError,
  isOktaError,
  isOktaOAuthError,
  type OktaApiError,
} from "../../src/index.js";
import { createPrivateKeyAuthenticator } from "../../src/oauth.js";
import { makeTestKey, type TestKey } from "../helpers/keys.js";
import { type ScriptedServer, scriptedServers } from "../helpers/scripted-server.js";
import { attackTally } from "./attack-tally.js";

const APP = "0oa8kg3bp0aQ7nD0x5d7";
const MB = 1024 * 1024;
// What an error may hold at most: a few kB of message, each field a kB or so.
const MAX_MESSAGE = 8_000;
const MAX_FIELD = 1_001;

const tally = attackTally("oversized errors");
const serve = scriptedServers();
let key: TestKey;

beforeAll(async () => {
  key = await makeTestKey("ES256");
});

/** Answers with `status` and a body that never ends, written as fast as the client reads it. */
function endlessBody(res: ServerResponse, status: number, start: string): undefined {
  res.writeHead(status, { "Content-Type": "application/json" });
  const chunk = Buffer.alloc(64 * 1024, "a");
  res.write(start);
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
  };
  res.on("drain", pump);
  pump();
  return undefined;
}

function clientFor(server: ScriptedServer) {
  return createOktaClient({
    orgUrl: server.url,
    auth: { type: "apiToken", token: "00oversizeToken" },
    retry: false,
    timeoutMs: 20_000,
  });
}

async function apiError(run: Promise<unknown>): Promise<OktaApiError> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isOktaApiError(error)).toBe(true);
  return error as OktaApiError;
}

describe("what a server says cannot grow an error beyond a few kB", () => {
  test("a 50 MB errorSummary gives a message of a few kB", async () => {
    tally.attack();
    const huge = { errorCode: "E0000001", errorSummary: "x".repeat(50 * MB) };
    const server = await serve(() => ({ status: 400, body: huge }));
    const error = await apiError(clientFor(server).jwks.list(APP));
    expect(error.status).toBe(400);
    expect(error.message.length).toBeLessThan(MAX_MESSAGE);
    expect((error.errorSummary ?? "").length).toBeLessThanOrEqual(MAX_FIELD);
  });

  test("a 20 kB errorSummary, 1,000 causes and a long errorId are cut to a kB each, with an ellipsis", async () => {
    tally.attack();
    const body = {
      errorCode: "E0000001",
      errorSummary: "s".repeat(20_000),
      errorId: "i".repeat(5_000),
      errorCauses: Array.from({ length: 1_000 }, (_, index) => ({ errorSummary: `cause ${index}` })),
    };
    const server = await serve(() => ({ status: 400, body }));
    const error = await apiError(clientFor(server).secrets.create(APP));
    expect(error.errorSummary).toBe(`${"s".repeat(1_000)}…`);
    expect(error.errorId).toBe(`${"i".repeat(1_000)}…`);
    expect(error.errorCauses).toEqual(Array.from({ length: 10 }, (_, index) => `cause ${index}`));
    expect(error.message.length).toBeLessThan(MAX_MESSAGE);
  });

  test("an error body that never ends is read only in part and fails at once, not at the timeout", async () => {
    tally.attack();
    const server = await serve((_, res) => endlessBody(res, 500, '{"errorSummary":"'));
    const started = Date.now();
    const error = await apiError(clientFor(server).jwks.get(APP, "pks1"));
    expect(error.status).toBe(500);
    expect(error.message.length).toBeLessThan(MAX_MESSAGE);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test("a token endpoint error that never ends, through createPrivateKeyAuthenticator and a plain fetch", async () => {
    tally.attack();
    const server = await serve((_, res) =>
      endlessBody(res, 400, '{"error":"invalid_client","error_description":"'),
    );
    const auth = createPrivateKeyAuthenticator(
      { type: "privateKey", clientId: "0oa9svcapp1Lq8Xe0x5d", privateKey: key.pkcs8, dpop: false },
      { orgUrl: server.url, fetch: (request, init) => fetch(request, init) },
    );
    const error = await auth
      .authorize(new Request(`${server.url}/api/v1/apps`))
      .catch((caught: unknown) => caught);
    expect(isOktaOAuthError(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, error: "unexpected_response" });
    expect((error as Error).message.length).toBeLessThan(MAX_MESSAGE);
  });

  test("a token answer that never ends is refused at 16 MiB, not read until memory runs out", async () => {
    tally.attack();
    const server = await serve((_, res) => endlessBody(res, 200, '{"access_token":"'));
    const okta = createOktaClient({
      orgUrl: server.url,
      auth: { type: "privateKey", clientId: "0oa9svcapp1Lq8Xe0x5d", privateKey: key.pkcs8, dpop: false },
      timeoutMs: 20_000,
    });
    const error = await okta.jwks.list(APP).catch((caught: unknown) => caught);
    expect(isOktaError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `The answer to POST ${server.url}/oauth2/v1/token is larger than 16 MiB; it was not read further`,
    );
  });
});
