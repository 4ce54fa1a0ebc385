import { describe, expect, test } from "vitest";
import { createFakeOkta } from "../../src/testing/index.js";
import { serveFakeOkta } from "../../src/testing/node.js";

describe("serveFakeOkta", () => {
  test("refuses what is not a fake, and ports outside 0 to 65535, before listening", async () => {
    const fake = await createFakeOkta();
    await expect(serveFakeOkta({} as never)).rejects.toThrow(
      "fake must be a fake Okta (with a fetch function)",
    );
    await expect(serveFakeOkta(fake, 65_536)).rejects.toThrow("port must be an integer from 0 to 65535");
    await expect(serveFakeOkta(fake, 1.5)).rejects.toThrow(TypeError);
  });

  test("answers over HTTP from the fake's own state", async () => {
    const fake = await createFakeOkta({
      apps: [{ id: "0oaA", tokenEndpointAuthMethod: "client_secret_basic" }],
    });
    const server = await serveFakeOkta(fake);
    try {
      const response = await fetch(`${server.url}/api/v1/apps/0oaB/credentials/jwks`, {
        headers: { Authorization: "SSWS t" },
      });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { errorCode: string }).errorCode).toBe("E0000007");
    } finally {
      await server.close();
    }
  });
});
