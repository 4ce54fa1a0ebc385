/**
 * The runtime smoke suite: what a new user does with the package, run unchanged on every runtime (Node, Bun, Deno,
 * a browser, workerd). It imports the packed package only, and uses nothing beyond `fetch` and WebCrypto.
 */
import { exportJWK, type JWK } from "jose";
import {
  collect,
  createOktaClient,
  generateSigningKey,
  isOktaApiError,
  isOktaOAuthError,
  type NewJwk,
  paginate,
  rotateClientSecret,
  toOktaJwk,
} from "okta-app-credentials";
import { createFakeOkta, type FakeOkta } from "okta-app-credentials/testing";
import { check } from "./check.js";
import { verifyingOrg } from "./verifying-org.js";

/** One step's outcome: `ok`, or the error that stopped it. */
export interface StepResult {
  readonly step: string;
  readonly ok: boolean;
  readonly detail: string;
}

const ORG = "https://fake.okta.test";
/** The API token the smoke clients send; the fake takes any. */
export const TOKEN = "smoke-api-token";
const TOKEN_URL = `${ORG}/oauth2/v1/token`;
const KEYS_APP = "0oaKEYS0000000000001";
/** The app whose secrets the suite rotates (and the HTTP step lists). */
export const SECRETS_APP = "0oaSECRETS0000000001";
const SERVICE_APP = "0oaSERVICE0000000001";

/** Runs `steps` in order, each one to its end, and reports every outcome. */
export async function runSteps(steps: Record<string, () => Promise<string>>): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const [step, run] of Object.entries(steps)) {
    try {
      results.push({ step, ok: true, detail: await run() });
    } catch (error) {
      results.push({ step, ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

/** A fake org with an app for keys, one for secrets and a service app whose public key is registered. */
export async function createSmokeOrg(servicePublicJwk: readonly NewJwk[] = []): Promise<FakeOkta> {
  return createFakeOkta({
    apps: [
      { id: KEYS_APP, tokenEndpointAuthMethod: "client_secret_basic" },
      { id: SECRETS_APP, tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] },
      { id: SERVICE_APP, tokenEndpointAuthMethod: "private_key_jwt", jwks: servicePublicJwk },
    ],
  });
}

/** The steps with an API token against the fake in-process, sharing one fake from the first step on. */
export function smokeSteps(): Record<string, () => Promise<string>> {
  let fake: FakeOkta;
  const okta = () =>
    createOktaClient({ orgUrl: ORG, auth: { type: "apiToken", token: TOKEN }, fetch: fake.fetch });
  let added = "";
  return {
    "fake in-process": async () => {
      fake = await createSmokeOrg();
      check(fake.appIds().length === 3, "three apps");
      return `${fake.appIds().length} apps`;
    },
    "apiToken call": async () => {
      const secrets = await okta().secrets.list(SECRETS_APP);
      check(secrets.length === 1 && secrets[0]?.status === "ACTIVE", "one active secret");
      return `secrets.list: ${secrets.length} ${secrets[0]?.status}`;
    },
    "key import from a WebCrypto key, jwks.add/activate/list": async () => {
      const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
        "sign",
        "verify",
      ]);
      const jwk = await toOktaJwk(pair.publicKey, { use: "sig", status: "INACTIVE" });
      const exported = await exportJWK(pair.publicKey);
      check(jwk.kty === "EC" && jwk.x === exported.x, "the key's own x coordinate");
      const key = await okta().jwks.add(KEYS_APP, jwk);
      check(key.status === "INACTIVE", "an inactive key");
      const active = await okta().jwks.activate(KEYS_APP, key.id);
      const listed = await okta().jwks.list(KEYS_APP);
      check(active.status === "ACTIVE" && listed.map((k) => k.id).join() === key.id, "the one key, active");
      added = key.id;
      return `${key.id} kid ${key.kid} ${active.status}`;
    },
    paginate: async () => {
      const client = okta();
      const keys = await collect(
        paginate(client.raw, "/api/v1/apps/{appId}/credentials/jwks", {
          params: { path: { appId: KEYS_APP } },
        }),
      );
      check(keys.length === 1 && keys[0]?.id === added, "the added key");
      return `${keys.length} key`;
    },
    OktaApiError: async () => {
      const error = await okta()
        .jwks.delete(KEYS_APP, added)
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      check(isOktaApiError(error) && error.status === 400 && error.errorCode === "E0000001", "400 E0000001");
      return error.message.slice(0, 60);
    },
    "secret rotation": async () => {
      const [old] = fake.state(SECRETS_APP).secrets;
      let deployed = "";
      await rotateClientSecret(okta(), SECRETS_APP, {
        deploy: async (secret) => {
          deployed = secret.id;
        },
      });
      const after = fake.state(SECRETS_APP).secrets;
      check(after.length === 1 && after[0]?.id === deployed && deployed !== old?.id, "only the new secret");
      return `${old?.id} -> ${deployed}`;
    },
  };
}

/**
 * Private-key auth with DPoP against a token endpoint that verifies the client assertion and the DPoP proof with
 * jose, and API calls whose DPoP proofs are verified too; a key the app does not know is refused.
 */
export function privateKeySteps(): Record<string, () => Promise<string>> {
  return {
    "privateKey auth with DPoP": async () => {
      const { privateKey, publicJwk } = await generateSigningKey({ alg: "ES256" });
      const fake = await createSmokeOrg([publicJwk]);
      const server = verifyingOrg(fake, publicJwk as JWK, { clientId: SERVICE_APP, tokenUrl: TOKEN_URL });
      const auth = { type: "privateKey", clientId: SERVICE_APP, privateKey, dpop: true } as const;
      const okta = createOktaClient({ orgUrl: ORG, auth, fetch: server.fetch });
      const keys = await okta.jwks.list(SERVICE_APP);
      check(keys.length === 1 && keys[0]?.kid === publicJwk.kid, "the registered key");
      check(server.tokens === 1 && server.proofs === 2, "one token request and two verified proofs");
      const wrong = await generateSigningKey({ alg: "ES256" });
      const control = createOktaClient({
        orgUrl: ORG,
        auth: { ...auth, privateKey: wrong.privateKey },
        fetch: server.fetch,
      });
      const refused = await control.jwks.list(SERVICE_APP).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      check(isOktaOAuthError(refused) && refused.error === "invalid_client", "the wrong key refused");
      return `token ${server.tokens}, proofs ${server.proofs}, control refused: ${refused.error}`;
    },
  };
}

/** Every step that needs no sockets. */
export function inProcessSteps(): Record<string, () => Promise<string>> {
  return { ...smokeSteps(), ...privateKeySteps() };
}
