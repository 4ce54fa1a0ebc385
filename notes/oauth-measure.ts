// Measures what service-app auth adds per request: run with `npx tsx notes/oauth-measure.ts`.
// The token endpoint is an in-process fetch, so only signing, hashing and caching are timed.
import { exportPKCS8, generateKeyPair } from "jose";
import { createPrivateKeyAuthenticator } from "../src/auth/private-key-authenticator.js";

const RUNS = 2000;
const { privateKey } = await generateKeyPair("RS256", { extractable: true });
const pem = await exportPKCS8(privateKey);

function percentile(sorted: number[], share: number): string {
  return `${Math.round((sorted[Math.floor(sorted.length * share)] ?? Number.NaN) * 1000)} µs`;
}

for (const dpop of [false, true]) {
  const tokenType = dpop ? "DPoP" : "Bearer";
  const fetch = async () => Response.json({ access_token: "at", token_type: tokenType, expires_in: 3600 });
  const auth = createPrivateKeyAuthenticator(
    { type: "privateKey", clientId: "0oa1", privateKey: pem, dpop },
    { orgUrl: "https://acme.okta.com", fetch },
  );
  const start = performance.now();
  await auth.authorize(new Request("https://acme.okta.com/api/v1/apps"));
  const first = performance.now() - start;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const begin = performance.now();
    await auth.authorize(new Request("https://acme.okta.com/api/v1/apps/0oa1/credentials/jwks"));
    times.push(performance.now() - begin);
  }
  times.sort((a, b) => a - b);
  const cached = `median ${percentile(times, 0.5)}, p95 ${percentile(times, 0.95)}`;
  console.log(`${tokenType}: first authorize ${first.toFixed(1)} ms; with a cached token ${cached}`);
}
