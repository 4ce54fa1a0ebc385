import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import {
  createFakeOkta,
  type FakeAppInit,
  type FakeAppState,
  type FakeOkta,
} from "../../src/testing/index.js";
import { testClock } from "../helpers/fake-org.js";
import {
  type Material,
  materialPool,
  type Operation,
  operationArbitrary,
  toCall,
} from "../helpers/operations.js";

type Status = "ACTIVE" | "INACTIVE";

/** A reference model of one app, written independently of the fake: only ids, kids, uses and statuses. */
interface ModelApp {
  readonly method: FakeAppInit["tokenEndpointAuthMethod"];
  readonly encryption: boolean;
  secrets: { id: string; status: Status }[];
  jwks: { id: string; kid: string | null; use: "sig" | "enc"; status: Status }[];
}

const APPS: FakeAppInit[] = [
  { tokenEndpointAuthMethod: "client_secret_basic" },
  { tokenEndpointAuthMethod: "client_secret_jwt" },
  { tokenEndpointAuthMethod: "private_key_jwt", idTokenEncryption: true },
  { tokenEndpointAuthMethod: "private_key_jwt" },
];

/** The status the model expects for `operation`, and what it changes when it succeeds. */
function expect_(model: ModelApp, operation: Operation, target: string | undefined, materials: Material[]) {
  const answer: Answer = (status, apply) => ({ status, apply });
  if (operation.kind === "list") return answer(200);
  if (operation.kind === "createSecret") {
    if (model.secrets.length >= 2) return answer(400);
    if (operation.length > 0 && model.method === "private_key_jwt") return answer(400);
    if (operation.length === 20 && model.method === "client_secret_jwt") return answer(400);
    return answer(201, (body) => model.secrets.push({ id: body.id, status: operation.status ?? "ACTIVE" }));
  }
  if (operation.kind === "addJwk") {
    const kid = operation.kid === null ? null : `kid-${operation.kid}`;
    const material =
      operation.use === "enc" && materials[operation.material]?.kty === "EC" ? 0 : operation.material;
    const status = operation.status ?? "ACTIVE";
    if (model.jwks.some((key) => key.kid === null)) return answer(400);
    if (kid !== null && model.jwks.some((key) => key.kid === kid)) return answer(400);
    if ((materials[material]?.rsaBits ?? 4096) < 2048) return answer(400);
    if (
      operation.use === "enc" &&
      status === "ACTIVE" &&
      model.jwks.some((k) => k.use === "enc" && k.status === "ACTIVE")
    ) {
      return answer(400);
    }
    return answer(201, (body) => model.jwks.push({ id: body.id, kid, use: operation.use, status }));
  }
  return operation.of === "Jwk"
    ? expectKeyChange(model, operation.kind, target, answer)
    : expectSecretChange(model, operation.kind, target, answer);
}

type Apply = (body: { id: string }) => void;
type Answer = (status: number, apply?: Apply) => { status: number; apply: Apply | undefined };

function expectKeyChange(model: ModelApp, verb: string, target: string | undefined, answer: Answer) {
  const key = model.jwks.find((k) => k.id === target);
  if (!key) return answer(404);
  if (verb === "get") return answer(200);
  if (verb === "delete")
    return key.status === "ACTIVE"
      ? answer(400)
      : answer(204, () => model.jwks.splice(model.jwks.indexOf(key), 1));
  if (verb === "activate") {
    return answer(200, () => {
      if (key.use === "enc" && key.status === "INACTIVE")
        for (const k of model.jwks) if (k.use === "enc") k.status = "INACTIVE";
      key.status = "ACTIVE";
    });
  }
  if (key.status === "INACTIVE") return answer(200);
  if (key.use === "enc" && model.encryption) return answer(400);
  const otherActiveSig = model.jwks.some((k) => k !== key && k.use === "sig" && k.status === "ACTIVE");
  if (model.method === "private_key_jwt" && !otherActiveSig) return answer(400);
  return answer(200, () => (key.status = "INACTIVE"));
}

function expectSecretChange(model: ModelApp, verb: string, target: string | undefined, answer: Answer) {
  const secret = model.secrets.find((s) => s.id === target);
  if (!secret) return answer(404);
  if (verb === "get") return answer(200);
  if (verb === "delete") {
    return secret.status === "ACTIVE"
      ? answer(400)
      : answer(204, () => model.secrets.splice(model.secrets.indexOf(secret), 1));
  }
  if (verb === "activate") return answer(200, () => (secret.status = "ACTIVE"));
  if (secret.status === "INACTIVE") return answer(200);
  if (model.secrets.filter((s) => s.status === "ACTIVE").length === 1) return answer(400);
  return answer(200, () => (secret.status = "INACTIVE"));
}

/** What the model tracks, read from the fake's own state. */
function observed(state: FakeAppState) {
  return {
    secrets: state.secrets.map(({ id, status }) => ({ id, status })),
    jwks: state.jwks.map(({ id, kid, use, status }) => ({ id, kid, use, status })),
  };
}

/** The invariants every step must keep, comparing the state before and after it. */
function checkInvariants(before: FakeAppState, after: FakeAppState): void {
  const active = <T extends { status: Status }>(items: T[]) =>
    items.filter((item) => item.status === "ACTIVE");
  expect(after.secrets.length).toBeLessThanOrEqual(2);
  expect(active(after.jwks.filter((k) => k.use === "enc")).length).toBeLessThanOrEqual(1);
  for (const gone of [...before.secrets, ...before.jwks]) {
    const stillThere = [...after.secrets, ...after.jwks].some((item) => item.id === gone.id);
    if (!stillThere) expect(gone.status).toBe("INACTIVE");
  }
  if (active(before.secrets).length > 0) expect(active(after.secrets).length).toBeGreaterThan(0);
  if (before.idTokenEncryption && active(before.jwks.filter((k) => k.use === "enc")).length > 0) {
    expect(active(after.jwks.filter((k) => k.use === "enc")).length).toBe(1);
  }
  if (before.tokenEndpointAuthMethod === "private_key_jwt") {
    if (active(before.jwks.filter((k) => k.use === "sig")).length > 0)
      expect(active(after.jwks.filter((k) => k.use === "sig")).length).toBeGreaterThan(0);
    if (active(before.jwks).length > 0) expect(active(after.jwks).length).toBeGreaterThan(0);
  }
}

let materials: Material[];
beforeAll(async () => {
  materials = await materialPool();
});

async function send(fake: FakeOkta, call: { method: string; path: string; body?: unknown }) {
  const init: RequestInit = { method: call.method, headers: { Authorization: "SSWS model" } };
  if (call.body !== undefined) init.body = JSON.stringify(call.body);
  const response = await fake.fetch(new Request(`https://fake.okta.test${call.path}`, init));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe("createFakeOkta against a reference model", () => {
  test("agrees with the model on every status and state, and keeps every invariant, over random sequences", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operationArbitrary(APPS.length, materials.length), { minLength: 1, maxLength: 50 }),
        async (operations) => {
          const fake = await createFakeOkta({ now: testClock().now, apps: APPS });
          const appIds = fake.appIds();
          const models: ModelApp[] = APPS.map((app) => ({
            method: app.tokenEndpointAuthMethod,
            encryption: app.idTokenEncryption === true,
            secrets: [],
            jwks: [],
          }));
          for (const operation of operations) {
            const appId = appIds[operation.app] as string;
            const model = models[operation.app] as ModelApp;
            const before = fake.state(appId);
            const call = toCall(operation, fake, appIds, materials);
            const expected = expect_(model, operation, call.target, materials);
            const answer = await send(fake, call);
            expect({ operation, status: answer.status }).toEqual({ operation, status: expected.status });
            expected.apply?.(answer.body);
            const after = fake.state(appId);
            expect(observed(after)).toEqual({ secrets: model.secrets, jwks: model.jwks });
            checkInvariants(before, after);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
