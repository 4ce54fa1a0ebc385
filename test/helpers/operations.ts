import fc from "fast-check";
import { exportJWK, generateKeyPair } from "jose";
import type { FakeOkta } from "../../src/testing/index.js";
import { rsaPublicKey } from "./fake-org.js";

/** Key material for random `addJwk` bodies; index 2 is a 1024-bit RSA key Okta refuses. */
export interface Material {
  readonly kty: "RSA" | "EC";
  readonly members: Readonly<Record<string, string>>;
  readonly rsaBits?: number;
}

/** Generates the material pool once: two 2048-bit RSA keys, one 1024-bit, and EC keys on P-256 and P-384. */
export async function materialPool(): Promise<Material[]> {
  const rsa = async (label: string, bits: number): Promise<Material> => {
    const { n, e } = await exportJWK(await rsaPublicKey(label, bits));
    return { kty: "RSA", members: { n: n as string, e: e as string }, rsaBits: bits };
  };
  const ec = async (alg: "ES256" | "ES384"): Promise<Material> => {
    const { crv, x, y } = await exportJWK((await generateKeyPair(alg, { extractable: true })).publicKey);
    return { kty: "EC", members: { crv: crv as string, x: x as string, y: y as string } };
  };
  return Promise.all([
    rsa("pool-a", 2048),
    rsa("pool-b", 2048),
    rsa("pool-short", 1024),
    ec("ES256"),
    ec("ES384"),
  ]);
}

type Target = "Jwk" | "Secret";
type Verb = "get" | "delete" | "activate" | "deactivate";

/** One random call of the twelve operations; `pick` chooses an existing credential, or a missing one when ≥ 8. */
export type Operation =
  | { readonly kind: "list"; readonly of: Target; readonly app: number }
  | { readonly kind: Verb; readonly of: Target; readonly app: number; readonly pick: number }
  | {
      readonly kind: "addJwk";
      readonly app: number;
      readonly use: "sig" | "enc";
      readonly material: number;
      readonly kid: number | null;
      readonly status: "ACTIVE" | "INACTIVE" | undefined;
    }
  | {
      readonly kind: "createSecret";
      readonly app: number;
      readonly length: 0 | 20 | 40;
      readonly status: "ACTIVE" | "INACTIVE" | undefined;
    };

const status = fc.constantFrom("ACTIVE" as const, "INACTIVE" as const, undefined);

/** Random operations on apps `0..apps-1`, weighted towards the calls that change state. */
export function operationArbitrary(apps: number, materials: number): fc.Arbitrary<Operation> {
  const app = fc.nat({ max: apps - 1 });
  const of = fc.constantFrom("Jwk" as const, "Secret" as const);
  const pick = fc.nat({ max: 9 });
  return fc.oneof(
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("list" as const), of, app }) },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constantFrom<Verb>("get", "delete", "activate", "deactivate"),
        of,
        app,
        pick,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("addJwk" as const),
        app,
        use: fc.constantFrom("sig" as const, "enc" as const),
        material: fc.nat({ max: materials - 1 }),
        kid: fc.option(fc.nat({ max: 5 }), { freq: 8 }),
        status,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("createSecret" as const),
        app,
        length: fc.constantFrom(0, 20, 40),
        status,
      }),
    },
  ) as fc.Arbitrary<Operation>;
}

/** The HTTP call for `operation`, with ids resolved against the fake's current state. */
export function toCall(
  operation: Operation,
  fake: FakeOkta,
  appIds: readonly string[],
  materials: readonly Material[],
): { method: string; path: string; body?: unknown; target?: string } {
  const appId = appIds[operation.app] as string;
  const base = `/api/v1/apps/${appId}/credentials`;
  if (operation.kind === "list")
    return { method: "GET", path: `${base}/${operation.of === "Jwk" ? "jwks" : "secrets"}` };
  if (operation.kind === "addJwk")
    return { method: "POST", path: `${base}/jwks`, body: jwkBody(operation, materials) };
  if (operation.kind === "createSecret") {
    const value = operation.length === 0 ? {} : { client_secret: `${"S".repeat(operation.length - 4)}-#1a` };
    return {
      method: "POST",
      path: `${base}/secrets`,
      body: { ...value, ...(operation.status ? { status: operation.status } : {}) },
    };
  }
  const state = fake.state(appId);
  const existing = operation.of === "Jwk" ? state.jwks : state.secrets;
  const missing = operation.of === "Jwk" ? "pksMissing00000000000" : "ocsMissing00000000000";
  const target =
    operation.pick < 8 && existing.length > 0 ? existing[operation.pick % existing.length]?.id : missing;
  const path = `${base}/${operation.of === "Jwk" ? "jwks" : "secrets"}/${target}`;
  const VERBS = {
    get: ["GET", ""],
    delete: ["DELETE", ""],
    activate: ["POST", "/lifecycle/activate"],
    deactivate: ["POST", "/lifecycle/deactivate"],
  } as const;
  const [method, suffix] = VERBS[operation.kind];
  return { method, path: `${path}${suffix}`, target: target as string };
}

function jwkBody(operation: Extract<Operation, { kind: "addJwk" }>, materials: readonly Material[]) {
  let material = materials[operation.material] as Material;
  // Okta takes only RSA keys for encryption; an EC "enc" body is a schema error, tested elsewhere.
  if (operation.use === "enc" && material.kty === "EC") material = materials[0] as Material;
  return {
    kty: material.kty,
    use: operation.use,
    ...(operation.kid === null ? {} : { kid: `kid-${operation.kid}` }),
    ...(operation.status ? { status: operation.status } : {}),
    ...material.members,
  };
}
