import { exportPKCS8, generateKeyPair } from "jose";
import { describe, expect, test } from "vitest";

// The built entry points, as a program that imports several of them loads them (`npm test` builds before it tests).
const dist = (file: string) => new URL(`../../../dist/src/${file}`, import.meta.url).href;

describe("one error class across the entry points a program mixes", () => {
  test("a timeout from /transport is an OktaTimeoutError of the main entry", async () => {
    const main = await import(dist("index.js"));
    const transport = await import(dist("transport.js"));
    const neverAnswers = () => new Promise<Response>(() => {});
    const error: unknown = await transport
      .withTimeout(5)(neverAnswers)(new Request("http://127.0.0.1:9/x"))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(main.OktaTimeoutError);
    expect(error).toBeInstanceOf(main.OktaError);
  });

  test("a refused token request from /oauth is an OktaOAuthError of the main entry", async () => {
    const main = await import(dist("index.js"));
    const oauth = await import(dist("oauth.js"));
    const { privateKey } = await generateKeyPair("RS256", { extractable: true });
    const refuses = async () =>
      new Response(JSON.stringify({ error: "invalid_client", error_description: "no such client" }), {
        status: 401,
        headers: { "Content-Type": "application/json" },
      });
    const authenticator = oauth.createPrivateKeyAuthenticator(
      { type: "privateKey", clientId: "0oa8serviceapp123", privateKey: await exportPKCS8(privateKey) },
      { orgUrl: "http://127.0.0.1:9", fetch: refuses },
    );
    const error: unknown = await authenticator
      .authorize(new Request("http://127.0.0.1:9/api/v1/apps/0oa1/credentials/jwks"))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(main.OktaOAuthError);
    expect(error).toMatchObject({ status: 401, error: "invalid_client" });
  });
});
