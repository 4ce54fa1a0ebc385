import { createServer, type Server } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type PrismServer, startPrism } from "../../scripts/prism.js";
import { createOktaClient, type OktaClient } from "../../src/index.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { type FakeOktaServer, serveFakeOkta } from "../../src/testing/node.js";
import { ecJwk, rsaJwk, testClock } from "../helpers/fake-org.js";
import { type Material, materialPool, operationArbitrary, toCall } from "../helpers/operations.js";

const SPEC = "spec/okta-app-credentials.yaml";

/** What came back through Prism's validating proxy for one request. */
interface Seen {
  readonly call: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly violations: string | null;
  readonly requestId: string | null;
}

const clock = testClock();
let fake: FakeOkta;
let server: FakeOktaServer;
let prism: PrismServer;
let materials: Material[];
const seen: Seen[] = [];
/** When true, every request starts a new rate-limit window, so only the last phase meets 429s. */
let freshWindow = true;

async function through(request: Request): Promise<Response> {
  if (freshWindow) clock.advance(60_000);
  const response = await fetch(request);
  seen.push({
    call: `${request.method} ${new URL(request.url).pathname}`,
    status: response.status,
    contentType: response.headers.get("Content-Type"),
    violations: response.headers.get("sl-violations"),
    requestId: response.headers.get("X-Okta-Request-Id"),
  });
  return response;
}

/** Every response so far came from the fake and satisfied the spec (Prism with --errors would answer 500 otherwise). */
function expectConforming(responses: readonly Seen[]): void {
  const bad = responses.filter(
    (r) => r.violations !== null || r.contentType?.includes("problem+json") || r.requestId === null,
  );
  expect(bad).toEqual([]);
}

beforeAll(async () => {
  materials = await materialPool();
  fake = await createFakeOkta({
    now: clock.now,
    rateLimit: { limit: 20, windowMs: 60_000 },
    apps: [
      { id: "0oaBasic", tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] },
      { id: "0oaJwt", tokenEndpointAuthMethod: "client_secret_jwt" },
      {
        id: "0oaKeys",
        tokenEndpointAuthMethod: "private_key_jwt",
        idTokenEncryption: true,
        jwks: [await ecJwk("seed")],
      },
      { id: "0oaNone", tokenEndpointAuthMethod: "none" },
    ],
  });
  server = await serveFakeOkta(fake);
  prism = await startPrism(SPEC, { proxy: server.url, errors: true });
}, 60_000);

afterAll(async () => {
  await prism?.stop();
  await server?.close();
});

// Retries and throttling off: every call must reach the fake exactly once, 429s included.
function client(): OktaClient {
  return createOktaClient({
    orgUrl: prism.url,
    auth: { type: "apiToken", token: "conformance" },
    fetch: through,
    retry: false,
    throttle: false,
  });
}

/** Runs one call and checks the status the fake answered through the proxy. */
async function step(expected: number, run: () => Promise<unknown>): Promise<void> {
  await run().catch(() => undefined);
  expect(seen.at(-1)?.status).toBe(expected);
}

describe("the fake Okta behind Prism's validating proxy", () => {
  test("detects a response that breaks the spec (control: a server answering a wrong body)", async () => {
    const broken: Server = createServer((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify([{ id: "ocs1", status: "ACTIVE" }]));
    });
    await new Promise<void>((resolve) => broken.listen(0, "127.0.0.1", resolve));
    const address = broken.address() as { port: number };
    const control = await startPrism(SPEC, { proxy: `http://127.0.0.1:${address.port}`, errors: true });
    try {
      const response = await fetch(`${control.url}/api/v1/apps/0oaA/credentials/secrets`, {
        headers: { Authorization: "SSWS t" },
      });
      expect(response.status).toBe(500);
      expect(response.headers.get("sl-violations")).toContain("must have required property 'client_secret'");
    } finally {
      await control.stop();
      await new Promise((resolve) => broken.close(resolve));
    }
  }, 60_000);

  test("sends only conforming responses across a scripted walk through all twelve operations and their errors", async () => {
    const okta = client();
    const start = seen.length;
    const [old] = fake.state("0oaBasic").secrets;
    const oldId = old?.id as string;
    // Secrets: list, get, create, the two-secret limit, deactivate, activate, delete rules, 404s.
    await step(200, () => okta.secrets.list("0oaBasic"));
    await step(200, () => okta.secrets.get("0oaBasic", oldId));
    await step(201, () => okta.secrets.create("0oaBasic"));
    await step(400, () => okta.secrets.create("0oaBasic"));
    const fresh = fake.state("0oaBasic").secrets[1]?.id as string;
    await step(400, () => okta.secrets.delete("0oaBasic", oldId));
    await step(200, () => okta.secrets.deactivate("0oaBasic", oldId));
    await step(400, () => okta.secrets.deactivate("0oaBasic", fresh));
    await step(200, () => okta.secrets.get("0oaBasic", oldId));
    await step(200, () => okta.secrets.activate("0oaBasic", oldId));
    await step(200, () => okta.secrets.deactivate("0oaBasic", oldId));
    await step(204, () => okta.secrets.delete("0oaBasic", oldId));
    await step(404, () => okta.secrets.get("0oaBasic", oldId));
    await step(404, () => okta.secrets.activate("0oaBasic", oldId));
    await step(201, () => okta.secrets.create("0oaBasic", { status: "INACTIVE" }));
    await step(201, () =>
      okta.secrets.create("0oaJwt", { client_secret: "Rotate-2026-03:k7#Qm2!vR9@pL4$wX8&nZ1*cT" }),
    );
    await step(400, () => okta.secrets.create("0oaJwt", { client_secret: "only-twenty-chars-xx" }));
    await step(400, () =>
      okta.secrets.create("0oaKeys", { client_secret: "Rotate-2026-03:k7#Qm2!vR9@pL4$wX8&nZ1*cT" }),
    );
    await step(404, () => okta.secrets.create("0oaMissing"));
    await step(404, () => okta.secrets.list("0oaMissing"));
    // Keys: every kind, the kid rules, the RSA length, the encryption-key rules, delete and deactivate refusals.
    const seed = fake.state("0oaKeys").jwks[0]?.id as string;
    await step(200, () => okta.jwks.list("0oaKeys"));
    await step(400, () => okta.jwks.deactivate("0oaKeys", seed));
    await step(201, () => okta.jwks.add("0oaKeys", { ...materialBody(0, "sig"), kid: "rsa-sig" }));
    await step(201, () =>
      okta.jwks.add("0oaKeys", { ...materialBody(4, "sig"), kid: "ec-384", status: "INACTIVE" }),
    );
    await step(400, () => okta.jwks.add("0oaKeys", { ...materialBody(3, "sig"), kid: "ec-384" }));
    await step(400, () => okta.jwks.add("0oaKeys", { ...materialBody(2, "sig"), kid: "short" }));
    const [, rsaSig, ec384] = fake.state("0oaKeys").jwks.map((k) => k.id) as [string, string, string];
    await step(200, () => okta.jwks.get("0oaKeys", ec384));
    await step(400, () => okta.jwks.delete("0oaKeys", rsaSig));
    await step(200, () => okta.jwks.activate("0oaKeys", ec384));
    await step(200, () => okta.jwks.deactivate("0oaKeys", ec384));
    await step(204, () => okta.jwks.delete("0oaKeys", ec384));
    await step(404, () => okta.jwks.get("0oaKeys", ec384));
    const [encKeyA, encKeyB] = [await rsaJwk("enc-a", "enc"), await rsaJwk("enc-b", "enc")];
    await step(201, () => okta.jwks.add("0oaKeys", encKeyA));
    await step(400, () => okta.jwks.add("0oaKeys", encKeyB));
    await step(201, () => okta.jwks.add("0oaKeys", { ...encKeyB, status: "INACTIVE", alg: "RSA-OAEP" }));
    const [encA, encB] = fake
      .state("0oaKeys")
      .jwks.slice(-2)
      .map((k) => k.id) as [string, string];
    await step(400, () => okta.jwks.deactivate("0oaKeys", encA));
    await step(200, () => okta.jwks.activate("0oaKeys", encB));
    await step(200, () => okta.jwks.get("0oaKeys", encA));
    await step(404, () => okta.jwks.list("0oaMissing"));
    await step(404, () => okta.jwks.add("0oaMissing", materialBody(3, "sig")));
    await step(201, () => okta.jwks.add("0oaNone", materialBody(3, "sig")));
    await step(400, () => okta.jwks.add("0oaNone", { ...materialBody(4, "sig"), kid: "with-kid" }));
    await step(200, () => okta.jwks.list("0oaNone"));
    const walk = seen.slice(start);
    expect(walk).toHaveLength(42);
    expectConforming(walk);
  }, 30_000);

  test("sends only conforming responses across a long random sequence of the twelve operations", async () => {
    const start = seen.length;
    const appIds = ["0oaBasic", "0oaJwt", "0oaKeys", "0oaNone"];
    const [operations] = fc.sample(
      fc.array(operationArbitrary(appIds.length, materials.length), { minLength: 300, maxLength: 300 }),
      { seed: 7, numRuns: 1 },
    );
    for (const operation of operations ?? []) {
      const call = toCall(operation, fake, appIds, materials);
      const init: RequestInit = {
        method: call.method,
        headers: { Authorization: "Bearer random", "Content-Type": "application/json" },
      };
      if (call.body !== undefined) init.body = JSON.stringify(call.body);
      await (await through(new Request(`${prism.url}${call.path}`, init))).arrayBuffer();
    }
    const random = seen.slice(start);
    expect(random).toHaveLength(300);
    expectConforming(random);
    expect(new Set(random.map((r) => r.status))).toEqual(new Set([200, 201, 204, 400, 404]));
  }, 30_000);

  test("sends conforming 429s with rate-limit headers once an endpoint's budget is spent", async () => {
    freshWindow = false;
    const start = seen.length;
    const okta = client();
    for (let i = 0; i < 22; i += 1) await okta.secrets.list("0oaBasic").catch(() => undefined);
    const burst = seen.slice(start);
    expectConforming(burst);
    expect(burst.map((r) => r.status)).toEqual([...Array(20).fill(200), 429, 429]);
  }, 30_000);
});

function materialBody(index: number, use: "sig" | "enc") {
  const material = materials[index] as Material;
  return { kty: material.kty, use, ...material.members } as Parameters<OktaClient["jwks"]["add"]>[1];
}
