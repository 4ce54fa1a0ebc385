import { writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  type ClientSecret,
  createOktaClient,
  isRotationError,
  type Jwk,
  type OktaClient,
  type RotationReport,
  rotateClientSecret,
  rotateJwk,
} from "../../src/index.js";
import { generateSigningKey } from "../../src/keys/generate-signing-key.js";
import { createFakeOkta, type FakeOkta } from "../../src/testing/index.js";
import { ecJwk, testClock } from "../helpers/fake-org.js";
import { runCli } from "../helpers/run-cli.js";
import { attackTally } from "./attack-tally.js";

const tally = attackTally("rotation: a fault at every request");

/** What goes wrong with one request: Okta's 500 or 429, a reset before Okta saw it, or the answer lost after. */
type Fault = "500" | "429" | "reset" | "lost-answer";
const FAULTS: readonly Fault[] = ["500", "429", "reset", "lost-answer"];

const figures = { runs: 0, wrongReports: 0, withoutActive: 0 };

/** A client of `fake` whose `nth` request (1-based) meets `fault`; with `retry`, retries wait at most 1 ms. */
function faultyClient(fake: FakeOkta, nth: number, fault: Fault | undefined, retry: boolean) {
  let count = 0;
  const okta = createOktaClient({
    orgUrl: "https://acme.okta.test",
    auth: { type: "apiToken", token: "00faultToken" },
    retry: retry ? { retries: 2, maxDelayMs: 1 } : false,
    fetch: async (request) => {
      count += 1;
      if (count !== nth || fault === undefined) return fake.fetch(request);
      if (fault === "reset")
        throw new TypeError("fetch failed", {
          cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
        });
      if (fault === "500") {
        return Response.json(
          { errorCode: "E0000009", errorSummary: "Internal Server Error", errorCauses: [] },
          { status: 500 },
        );
      }
      if (fault === "429") {
        const reset = Math.ceil(Date.now() / 1000) + 1;
        return Response.json(
          {
            errorCode: "E0000047",
            errorSummary: "API call exceeded rate limit due to too many requests.",
            errorCauses: [],
          },
          {
            status: 429,
            headers: {
              "X-Rate-Limit-Limit": "10",
              "X-Rate-Limit-Remaining": "0",
              "X-Rate-Limit-Reset": String(reset),
              Date: new Date().toUTCString(),
            },
          },
        );
      }
      await fake.fetch(request);
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
      });
    },
  });
  return { okta, requests: () => count };
}

interface Credential {
  readonly id: string;
  readonly status: string;
}

/** One workflow under test: how to seed its app, run it, and read what Okta holds of its kind. */
interface Workflow {
  readonly name: string;
  seed(fake: FakeOkta): Promise<string>;
  rotate(
    okta: OktaClient,
    appId: string,
    deploy: (credential: Credential) => Promise<void>,
  ): Promise<RotationReport>;
  held(fake: FakeOkta, appId: string): Credential[];
  created(report: RotationReport): Credential | undefined;
}

const WORKFLOWS: readonly Workflow[] = [
  {
    name: "rotateClientSecret",
    seed: (fake) => fake.addApp({ tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] }),
    rotate: (okta, appId, deploy) =>
      rotateClientSecret(okta, appId, { deploy: deploy as (s: ClientSecret) => Promise<void> }),
    held: (fake, appId) => fake.state(appId).secrets,
    created: (report) => report.secret,
  },
  {
    name: "rotateJwk",
    seed: async (fake) =>
      fake.addApp({ tokenEndpointAuthMethod: "private_key_jwt", jwks: [await ecJwk("old")] }),
    rotate: async (okta, appId, deploy) =>
      rotateJwk(okta, appId, await ecJwk("new"), { deploy: deploy as (k: Jwk) => Promise<void> }),
    held: (fake, appId) => fake.state(appId).jwks,
    created: (report) => report.key,
  },
];

/**
 * What the report says Okta holds, as `id status` lines: the credentials found before, minus those it deleted,
 * deactivated where it says so, plus the new one unless it was never made or was rolled back.
 */
function reportedHoldings(report: Pick<RotationReport, "steps">, before: readonly Credential[]): string[] {
  const step = (action: RegExp, target: string) =>
    report.steps.find((s) => action.test(s.action) && s.target === target);
  const held = before
    .filter((credential) => step(/^delete-/, credential.id)?.status !== "done")
    .map((credential) => {
      const deactivated = step(/^deactivate-/, credential.id)?.status === "done";
      return `${credential.id} ${deactivated ? "INACTIVE" : credential.status}`;
    });
  const create = report.steps.find((s) => /^(create-secret|add-key)$/.test(s.action));
  if (create && create.status !== "rolled-back" && create.target !== "(new)")
    held.push(`${create.target} ACTIVE`);
  return held.sort();
}

async function runOnce(
  workflow: Workflow,
  nth: number,
  fault: Fault | "deploy-throws" | undefined,
  retry: boolean,
) {
  const fake = await createFakeOkta({ now: testClock().now });
  const appId = await workflow.seed(fake);
  const before = workflow.held(fake, appId);
  const client = faultyClient(fake, nth, fault === "deploy-throws" ? undefined : fault, retry);
  const deployed: string[] = [];
  const outcome = await workflow
    .rotate(client.okta, appId, async (credential) => {
      deployed.push(credential.id);
      if (fault === "deploy-throws") throw new Error("the secret store refused the write");
    })
    .then(
      (report) => ({ report, error: undefined as unknown }),
      (error: unknown) => ({ report: isRotationError(error) ? error.report : undefined, error }),
    );
  const now = workflow.held(fake, appId);
  figures.runs += 1;
  tally.attack();
  const active = now.filter(
    (credential) => credential.status === "ACTIVE" && (!("use" in credential) || credential.use === "sig"),
  );
  if (active.length === 0) figures.withoutActive += 1;
  const holds = now.map((credential) => `${credential.id} ${credential.status}`).sort();
  // A failure before the plan leaves no report: then Okta must hold what it held.
  const said = outcome.report
    ? reportedHoldings(outcome.report, before)
    : before.map((c) => `${c.id} ${c.status}`).sort();
  const named = outcome.report ? workflow.created(outcome.report)?.id : undefined;
  const createStep = outcome.report?.steps.find((s) => /^(create-secret|add-key)$/.test(s.action));
  const namedRight =
    createStep === undefined || createStep.target === "(new)"
      ? named === undefined
      : named === createStep.target;
  // `deploy` was handed the credential the report names, and only that one.
  const deployStep = outcome.report?.steps.find((s) => s.action === "deploy");
  const deployedRight =
    deployStep === undefined || deployStep.status === "planned"
      ? deployed.length === 0
      : JSON.stringify(deployed) === JSON.stringify([createStep?.target]);
  const agrees = JSON.stringify(said) === JSON.stringify(holds) && namedRight && deployedRight;
  if (!agrees) figures.wrongReports += 1;
  return { outcome, holds, said, active, deployed, requests: client.requests(), agrees, namedRight };
}

describe("a rotation meets a fault at each of its requests", () => {
  for (const workflow of WORKFLOWS) {
    test(`${workflow.name}: every fault at every request leaves an active credential and a true report`, async () => {
      const clean = await runOnce(workflow, 0, undefined, true);
      expect(clean.outcome.error).toBeUndefined();
      const total = clean.requests;
      expect(total).toBeGreaterThanOrEqual(5);
      const failures: string[] = [];
      for (const retry of [true, false]) {
        for (let nth = 1; nth <= total; nth += 1) {
          for (const fault of FAULTS) {
            const run = await runOnce(workflow, nth, fault, retry);
            const where = `${fault} at request ${nth}${retry ? "" : " (no retries)"}`;
            if (run.active.length === 0) failures.push(`${where}: no active credential left`);
            if (!run.agrees)
              failures.push(
                `${where}: report says ${run.said.join(", ")}; Okta holds ${run.holds.join(", ")}`,
              );
            if (run.outcome.error !== undefined && !isRotationError(run.outcome.error) && nth !== 1) {
              failures.push(`${where}: ${String(run.outcome.error)} is not a RotationError`);
            }
          }
        }
      }
      const thrown = await runOnce(workflow, 0, "deploy-throws", true);
      if (!thrown.agrees)
        failures.push(
          `deploy-throws: report says ${thrown.said.join(", ")}; Okta holds ${thrown.holds.join(", ")}`,
        );
      expect(thrown.outcome.error).toSatisfy(isRotationError);
      expect(thrown.holds).toEqual(thrown.said);
      expect(failures).toEqual([]);
    });
  }
});

/** Serves `fake` on loopback; the first request with `method` whose path ends with `suffix` meets `fault`. */
async function faultyServer(fake: FakeOkta, method: string, suffix: string, fault: Fault) {
  let struck = false;
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = `http://127.0.0.1${incoming.url}`;
    const strike = !struck && incoming.method === method && new URL(url).pathname.endsWith(suffix);
    if (strike) struck = true;
    if (strike && fault === "reset") return void incoming.socket.destroy();
    if (strike && fault === "500") {
      outgoing.writeHead(500, { "Content-Type": "application/json" });
      return void outgoing.end(
        '{"errorCode":"E0000009","errorSummary":"Internal Server Error","errorCauses":[]}',
      );
    }
    const response = await fake.fetch(
      new Request(url, {
        method: incoming.method ?? "GET",
        headers: { Authorization: incoming.headers.authorization ?? "" },
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      }),
    );
    if (strike) return void incoming.socket.destroy();
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    struck: () => struck,
  };
}

describe("the CLI's rotate report names what Okta holds after a fault", () => {
  test.each([
    ["rotate secret", "deploy command exits 7", "POST", "/never", "500" as Fault, "exit 7", 1],
    [
      "rotate secret",
      "lost answer to the deactivation",
      "POST",
      "/lifecycle/deactivate",
      "lost-answer" as Fault,
      "true",
      0,
    ],
    ["rotate secret", "reset of the deletion", "DELETE", "", "reset" as Fault, "true", 0],
    ["rotate key", "500 to the key's add", "POST", "/jwks", "500" as Fault, "true", 1],
    ["rotate key", "lost answer to the key's add", "POST", "/jwks", "lost-answer" as Fault, "true", 0],
  ])("%s, %s", async (command, _, method, suffix, fault, deployCmd, code) => {
    const fake = await createFakeOkta();
    const isKey = command === "rotate key";
    const old = await generateSigningKey({ alg: "ES256" });
    const appId = await fake.addApp(
      isKey
        ? { tokenEndpointAuthMethod: "private_key_jwt", jwks: [old.publicJwk] }
        : { tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] },
    );
    const held = () => (isKey ? fake.state(appId).jwks : fake.state(appId).secrets);
    const before = held();
    const extra: string[] = [];
    if (isKey) {
      const file = join(tmpdir(), `okta-fault-${appId}.jwk.json`);
      await writeFile(file, JSON.stringify((await generateSigningKey({ alg: "ES256" })).publicJwk));
      extra.push("--public-key", file);
    }
    const server = await faultyServer(fake, method, suffix, fault);
    try {
      const run = await runCli(
        [...command.split(" "), appId, ...extra, "--yes", "--deploy-cmd", deployCmd, "--json"],
        { OKTA_CLIENT_ORGURL: server.url, OKTA_CLIENT_TOKEN: "00cliFaultToken" },
      );
      figures.runs += 1;
      tally.attack();
      expect(run.code).toBe(code);
      const report = JSON.parse(run.stdout) as Pick<RotationReport, "steps">;
      const holds = held()
        .map((credential) => `${credential.id} ${credential.status}`)
        .sort();
      const agrees = JSON.stringify(reportedHoldings(report, before)) === JSON.stringify(holds);
      if (!agrees) figures.wrongReports += 1;
      if (!held().some((credential) => credential.status === "ACTIVE")) figures.withoutActive += 1;
      expect(reportedHoldings(report, before)).toEqual(holds);
      if (suffix !== "/never") expect(server.struck()).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe("rotation fault figures", () => {
  test("the figures: every run counted, no wrong report, no app left without an active credential", () => {
    console.info(
      `[security] rotation faults: ${figures.runs} runs (library and CLI), ${figures.wrongReports} wrong reports, ${figures.withoutActive} apps left without an active credential`,
    );
    expect(figures.runs).toBeGreaterThan(100);
    expect({ wrong: figures.wrongReports, withoutActive: figures.withoutActive }).toEqual({
      wrong: 0,
      withoutActive: 0,
    });
  });
});
