import { generateKeyPair } from "jose";
import { createOktaClient, type NewJwk, type OktaClient } from "../../src/index.js";
import { generateSigningKey } from "../../src/keys/generate-signing-key.js";
import { toOktaJwk } from "../../src/keys/to-okta-jwk.js";
import {
  createFakeOkta,
  type FakeAppInit,
  type FakeOkta,
  type FakeOktaOptions,
} from "../../src/testing/index.js";

/** A settable clock starting at 2026-03-02T17:30:00Z. */
export function testClock(start = Date.UTC(2026, 2, 2, 17, 30)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** A fake Okta with one app, and a client that reaches it through `fake.fetch`, counting requests. */
export async function fakeOrg(app: FakeAppInit, options: FakeOktaOptions = {}) {
  const fake: FakeOkta = await createFakeOkta({ now: testClock().now, ...options });
  const appId = await fake.addApp(app);
  const requests: string[] = [];
  const okta: OktaClient = createOktaClient({
    orgUrl: "https://fake.okta.test",
    auth: { type: "apiToken", token: "test-token" },
    fetch: (request) => {
      requests.push(`${request.method} ${new URL(request.url).pathname}`);
      return fake.fetch(request);
    },
  });
  return { fake, appId, okta, requests };
}

/** Adds a `client_secret_basic` app with one secret and one ES256 signing key to `fake`; resolves to its id. */
export async function addSecretAndKeyApp(fake: FakeOkta): Promise<string> {
  const key = await generateSigningKey({ alg: "ES256" });
  return fake.addApp({
    tokenEndpointAuthMethod: "client_secret_basic",
    secrets: [{}],
    jwks: [key.publicJwk],
  });
}

const rsaKeys = new Map<string, Promise<CryptoKey>>();

/** A public RSA key of `bits` bits, generated once per test file and label. */
export function rsaPublicKey(label: string, bits = 2048): Promise<CryptoKey> {
  let key = rsaKeys.get(label);
  if (!key) {
    key = crypto.subtle
      .generateKey(
        {
          name: "RSASSA-PKCS1-v1_5",
          modulusLength: bits,
          publicExponent: new Uint8Array([1, 0, 1]),
          hash: "SHA-256",
        },
        true,
        ["sign", "verify"],
      )
      .then((pair) => (pair as CryptoKeyPair).publicKey);
    rsaKeys.set(label, key);
  }
  return key;
}

/** A new RSA JWK for `use` built from a cached key, with its own `kid` unless `kid: null`. */
export async function rsaJwk(
  label: string,
  use: "sig" | "enc",
  extra: Partial<NewJwk> = {},
): Promise<NewJwk> {
  const jwk = await toOktaJwk(await rsaPublicKey(label), { use, kid: `${use}-${label}` });
  return { ...jwk, ...extra } as NewJwk;
}

/** A new EC P-256 signing JWK with `kid`. */
export async function ecJwk(kid: string): Promise<NewJwk> {
  const { publicKey } = await generateKeyPair("ES256", { extractable: true });
  return toOktaJwk(publicKey, { use: "sig", kid });
}
