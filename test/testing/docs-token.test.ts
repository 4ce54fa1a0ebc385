import { readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { createOktaClient, isOktaApiError } from "../../src/index.js";
import { createFakeOkta, FAKE_OKTA_RULES } from "../../src/testing/index.js";

const root = new URL("../../", import.meta.url);
const GUIDES = [
  "README.md",
  ...["testing", "rotation", "fleet", "verify", "runtimes"].map((name) => `docs/${name}.md`),
];
const TOKEN_LITERAL = /token: "([^"]*)"/g;

/** The API token literals of `markdown`'s examples. */
function tokensIn(markdown: string): string[] {
  return [...markdown.matchAll(TOKEN_LITERAL)].map((match) => match[1] ?? "");
}

describe("the testing guides' API tokens", () => {
  test("are one realistic fake token, as long as Okta's", async () => {
    const texts = await Promise.all(GUIDES.map((file) => readFile(new URL(file, root), "utf8")));
    const tokens = new Set(texts.flatMap(tokensIn));
    expect([...tokens].map((token) => token.length)).toEqual([42]);
  });

  test("keep the FAKE_OKTA_RULES example of docs/testing.md true", async () => {
    const guide = await readFile(new URL("docs/testing.md", root), "utf8");
    const example = guide
      .split("```")
      .find((block) => block.includes("FAKE_OKTA_RULES.deactivateOnlyClientSecret"));
    const [token] = tokensIn(example ?? "");
    expect(token).toBeDefined();
    const appId = "0oa8kg3bp0aQ7nD0x5d7";
    const fake = await createFakeOkta({
      apps: [{ id: appId, tokenEndpointAuthMethod: "client_secret_basic", secrets: [{}] }],
    });
    const okta = createOktaClient({
      orgUrl: "https://fake.okta.test",
      auth: { type: "apiToken", token: token ?? "" },
      fetch: fake.fetch,
    });
    const [only] = await okta.secrets.list(appId);
    const refusal: unknown = await okta.secrets
      .deactivate(appId, only?.id ?? "")
      .catch((error: unknown) => error);
    const [, expected] = FAKE_OKTA_RULES.deactivateOnlyClientSecret;
    expect(isOktaApiError(refusal) && refusal.errorCauses).toEqual([expected]);
  });
});
