/**
 * Starts a Prism mock of the curated spec on 127.0.0.1 and walks through all twelve operations with the typed
 * client, printing each result.
 */
import { createOktaClient, type Jwk, maskSecret, OktaApiError } from "../src/index.js";
import { startPrism } from "./prism.js";

const APP_ID = "0oa8kg3bp0aQ7nD0x5d7";

function describeKey(key: Jwk): string {
  const shape = key.kty === "EC" ? `EC ${key.crv}` : `RSA ${Math.floor((key.n.length * 3) / 4) * 8} bits`;
  return `${key.id} ${key.status.padEnd(8)} use=${key.use} ${shape} alg=${key.alg} kid=${key.kid ?? "(none)"}`;
}

async function walk(orgUrl: string): Promise<void> {
  const okta = createOktaClient({
    orgUrl,
    auth: { type: "apiToken", token: "demo-api-token" },
    userAgent: "demo",
  });
  const step = (n: number, text: string) => console.log(`${String(n).padStart(2)}. ${text}`);

  const keys = await okta.jwks.list(APP_ID);
  step(1, `jwks.list → ${keys.length} keys`);
  for (const key of keys) console.log(`      ${describeKey(key)}`);
  const added = await okta.jwks.add(APP_ID, {
    kty: "EC",
    use: "sig",
    alg: "ES256",
    crv: "P-256",
    kid: "demo-ec-key",
    x: "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",
    y: "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0",
  });
  step(2, `jwks.add → ${describeKey(added)}`);
  step(3, `jwks.get → ${describeKey(await okta.jwks.get(APP_ID, added.id))}`);
  step(4, `jwks.deactivate → ${describeKey(await okta.jwks.deactivate(APP_ID, added.id))}`);
  step(5, `jwks.activate → ${describeKey(await okta.jwks.activate(APP_ID, added.id))}`);
  await okta.jwks.delete(APP_ID, added.id);
  step(6, `jwks.delete → deleted ${added.id}`);

  const secrets = await okta.secrets.list(APP_ID);
  step(7, `secrets.list → ${secrets.length} secrets`);
  for (const s of secrets) console.log(`      ${s.id} ${s.status.padEnd(8)} ${maskSecret(s)}`);
  const created = await okta.secrets.create(APP_ID);
  step(8, `secrets.create → ${created.id} ${created.status} ${maskSecret(created)} (value masked)`);
  step(9, `secrets.get → ${(await okta.secrets.get(APP_ID, created.id)).status}`);
  step(10, `secrets.deactivate → ${(await okta.secrets.deactivate(APP_ID, created.id)).status}`);
  step(11, `secrets.activate → ${(await okta.secrets.activate(APP_ID, created.id)).status}`);
  await okta.secrets.delete(APP_ID, created.id);
  step(12, `secrets.delete → deleted ${created.id}`);

  const anonymous = createOktaClient({ orgUrl });
  const error = await anonymous.jwks.list(APP_ID).catch((e: unknown) => e);
  if (error instanceof OktaApiError) console.log(`\nWithout credentials: OktaApiError ${error.message}`);
}

/** Runs the walk-through against a Prism mock it starts and stops. */
export async function walkTwelveOperations(): Promise<void> {
  const prism = await startPrism("spec/okta-app-credentials.yaml");
  console.log(
    `Prism mock of spec/okta-app-credentials.yaml on ${prism.url} (it answers with the spec's examples)\n`,
  );
  try {
    await walk(prism.url);
  } finally {
    await prism.stop();
  }
}
