/**
 * A rotation walk-through with no Okta org: seeds a fake Okta with one app, lists its credentials, rotates its
 * client secret, then generates a signing key and rotates its JSON Web Key, printing every step with secrets
 * masked. The fake is served on 127.0.0.1, so the client talks real HTTP.
 */

import { createDemoOrg, MOCK_APP_ID } from "../src/cli/mock-org.js";
import {
  createOktaClient,
  isRotationError,
  maskSecret,
  type OktaClient,
  planSecretRotation,
  type RotationStep,
  rotateClientSecret,
  rotateJwk,
} from "../src/index.js";
import { generateSigningKey } from "../src/keys/generate-signing-key.js";
import { serveFakeOkta } from "../src/testing/node.js";

const APP_ID = MOCK_APP_ID;

async function printCredentials(okta: OktaClient, title: string): Promise<void> {
  console.log(`\n${title}`);
  for (const secret of await okta.secrets.list(APP_ID)) {
    console.log(`  secret ${secret.id} ${secret.status.padEnd(8)} ${maskSecret(secret)}`);
  }
  for (const key of await okta.jwks.list(APP_ID)) {
    const shape = key.kty === "EC" ? `EC ${key.crv}` : "RSA";
    console.log(
      `  key    ${key.id} ${key.status.padEnd(8)} ${key.use} ${shape} ${key.alg} kid=${key.kid ?? "(none)"}`,
    );
  }
}

const onStep = (step: Readonly<RotationStep>) =>
  console.log(`  … ${step.status} ${step.action} ${step.target}`);

/** Runs the walk-through against a fake Okta it serves on 127.0.0.1 and stops. */
export async function rotationWalkthrough(): Promise<void> {
  const server = await serveFakeOkta(await createDemoOrg());
  try {
    const okta = createOktaClient({
      orgUrl: server.url,
      auth: { type: "apiToken", token: "demo-api-token" },
    });
    console.log(`Fake Okta at ${server.url}, app ${APP_ID}`);
    await printCredentials(okta, "Before:");

    console.log(`\n${await planSecretRotation(okta, APP_ID)}`);
    console.log("\nRotating the client secret:");
    const secretReport = await rotateClientSecret(okta, APP_ID, {
      onStep,
      deploy: async (secret) =>
        console.log(`  deploy: stored ${secret.id} in the secret store (${maskSecret(secret)})`),
    });
    console.log(String(secretReport));

    console.log("\nRotating the signing key:");
    const next = await generateSigningKey({ alg: "ES256" });
    const keyReport = await rotateJwk(okta, APP_ID, next.publicJwk, {
      onStep,
      deploy: async (key) =>
        console.log(`  deploy: signer now uses kid ${key.kid} (private key kept in the secret store)`),
    });
    console.log(String(keyReport));

    console.log("\nA rotation whose deploy fails is rolled back:");
    await rotateClientSecret(okta, APP_ID, {
      onStep,
      deploy: async () => {
        throw new Error("the secret store refused the write");
      },
    }).catch((error: unknown) => {
      if (!isRotationError(error)) throw error;
      console.log(`  ${error.message}`);
    });

    await printCredentials(okta, "After (the failed rotation left no trace):");
  } finally {
    await server.close();
  }
}
