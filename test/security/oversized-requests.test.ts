import { request as httpRequest } from "node:http";
import { afterEach, describe, expect, test } from "vitest";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { type FakeOktaServer, serveFakeOkta } from "../../src/testing/node.js";
import { attackTally } from "./attack-tally.js";

const tally = attackTally("oversized request bodies to the fake");

const HUNDRED_MB = 100 * 1024 * 1024;
const CHUNK = 64 * 1024;
// What the fake accepts (256 kB), with room for what sits in buffers when it stops reading.
const READ_AT_MOST = 256 * 1024 + 4 * CHUNK;
const servers: FakeOktaServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function fakeWithApp(): Promise<{ fake: FakeOkta; appId: string }> {
  const fake = await createFakeOkta();
  const appId = await fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] });
  return { fake, appId };
}

/** A 100 MB body made on demand, counting the bytes anyone pulled from it. */
function hugeBody() {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= HUNDRED_MB) return controller.close();
      counter.pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
  });
  return { stream, counter };
}

async function expectOktaTooLarge(response: { status: number; body: string }) {
  expect(response.status).toBe(413);
  expect(JSON.parse(response.body)).toEqual({
    errorCode: "E0000001",
    errorSummary: "Api validation failed: request body",
    errorLink: "E0000001",
    errorId: expect.stringMatching(/^oae/),
    errorCauses: [{ errorSummary: "The request body is larger than 262144 bytes." }],
  });
}

describe("the fake refuses a huge request body with 413 without reading it whole", () => {
  test("fake.fetch: a 100 MB secret body is cut off after the cap", async () => {
    tally.attack();
    const { fake, appId } = await fakeWithApp();
    const { stream, counter } = hugeBody();
    const response = await fake.fetch(
      new Request(`https://fake.okta.test/api/v1/apps/${appId}/credentials/secrets`, {
        method: "POST",
        headers: { Authorization: "SSWS 00token", "Content-Type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    await expectOktaTooLarge({ status: response.status, body: await response.text() });
    expect(counter.pulled).toBeLessThanOrEqual(READ_AT_MOST);
    expect(fake.state(appId).secrets).toHaveLength(1);
  });

  test("fake.fetch: a body that declares 100 MB is refused before any byte is read", async () => {
    tally.attack();
    const { fake, appId } = await fakeWithApp();
    const { stream, counter } = hugeBody();
    const response = await fake.fetch(
      new Request(`https://fake.okta.test/api/v1/apps/${appId}/credentials/jwks`, {
        method: "POST",
        headers: { Authorization: "SSWS 00token", "Content-Length": String(HUNDRED_MB) },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    await expectOktaTooLarge({ status: response.status, body: await response.text() });
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK);
  });

  test("a body just under the cap is still read, and refused only for what it says", async () => {
    const { fake, appId } = await fakeWithApp();
    const response = await fake.fetch(
      new Request(`https://fake.okta.test/api/v1/apps/${appId}/credentials/secrets`, {
        method: "POST",
        headers: { Authorization: "SSWS 00token" },
        body: `{"client_secret":"${"a".repeat(200_000)}"}`,
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("can't be more than '100' characters long");
  });

  test.each([
    ["chunked", undefined],
    ["declaring its length", HUNDRED_MB],
  ])("serveFakeOkta(): a 100 MB body sent %s gets 413 and is not read whole", async (_, length) => {
    tally.attack();
    const { fake, appId } = await fakeWithApp();
    const server = await serveFakeOkta(fake);
    servers.push(server);
    let written = 0;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = httpRequest(`${server.url}/api/v1/apps/${appId}/credentials/secrets`, {
        method: "POST",
        headers: {
          Authorization: "SSWS 00token",
          "Content-Type": "application/json",
          ...(length ? { "Content-Length": String(length) } : {}),
        },
      });
      let answered = false;
      outgoing.on("response", (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
      });
      outgoing.on("error", (error) => {
        if (!answered) reject(error);
      });
      // Writes as fast as the server reads, until it answers.
      const chunk = Buffer.alloc(CHUNK, 0x20);
      const pump = () => {
        while (!answered && written < HUNDRED_MB) {
          written += CHUNK;
          if (!outgoing.write(chunk)) return void outgoing.once("drain", pump);
        }
        if (!answered) outgoing.end();
      };
      pump();
    });
    await expectOktaTooLarge(answer);
    // Whatever the kernel's socket buffers hold aside, the server stopped long before 100 MB.
    expect(written).toBeLessThan(HUNDRED_MB / 4);
    expect(fake.state(appId).secrets).toHaveLength(1);
  });
});
