import { describe, expect, test } from "vitest";
import { isOptionError } from "../../src/auth/option-error.js";
import { checkToken, createStaticTokenAuthenticator } from "../../src/auth/static-token.js";

const request = () => new Request("https://acme.okta.com/api/v1/apps/0oa1/credentials/jwks");

describe("createStaticTokenAuthenticator", () => {
  test("sets SSWS for API tokens and Bearer for access tokens", async () => {
    const ssws = await createStaticTokenAuthenticator("SSWS", "00abcTOKEN").authorize(request());
    expect(ssws.headers.get("Authorization")).toBe("SSWS 00abcTOKEN");
    const bearer = await createStaticTokenAuthenticator("Bearer", "eyJ.token").authorize(request());
    expect(bearer.headers.get("Authorization")).toBe("Bearer eyJ.token");
  });

  test("asks a token function before every request", async () => {
    let calls = 0;
    const auth = createStaticTokenAuthenticator("Bearer", async () => `token-${++calls}`);
    expect((await auth.authorize(request())).headers.get("Authorization")).toBe("Bearer token-1");
    expect((await auth.authorize(request())).headers.get("Authorization")).toBe("Bearer token-2");
  });

  test("refuses a broken token from a token function without echoing it, as an option error", async () => {
    const auth = createStaticTokenAuthenticator("Bearer", () => "abc\r\nX-Evil: 1");
    const error = await auth.authorize(request()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(
      "the value returned by auth.token must be printable ASCII, without spaces, line breaks or control characters",
    );
    expect(isOptionError(error)).toBe(true);
  });

  test("never asks for a retry, so requests are not copied for one", () => {
    expect(createStaticTokenAuthenticator("SSWS", "t0k3n").shouldRetry).toBeUndefined();
  });

  test("sets the header on the request it is given instead of copying it", async () => {
    const original = request();
    const authorized = await createStaticTokenAuthenticator("SSWS", "t0k3n").authorize(original);
    expect(authorized).toBe(original);
    expect(original.headers.get("Authorization")).toBe("SSWS t0k3n");
  });
});

describe("checkToken", () => {
  test("refuses empty tokens and tokens with a scheme in front", () => {
    expect(() => checkToken("", "auth.token")).toThrow("auth.token must be a non-empty string");
    expect(() => checkToken("SSWS 00abc", "auth.token")).toThrow(
      "auth.token must be the token alone, without a scheme such as SSWS or Bearer in front",
    );
    expect(() => checkToken("bearer x", "auth.token")).toThrow(/without a scheme/);
    expect(checkToken("00abc-def_ghi", "auth.token")).toBe("00abc-def_ghi");
    for (const pasted of [" 00abc", "00abc ", "00abc\t", "00a bc"]) {
      expect(() => checkToken(pasted, "auth.token")).toThrow(
        "auth.token must be printable ASCII, without spaces, line breaks or control characters",
      );
    }
    expect(() => checkToken("00abc\u20ac", "auth.token")).toThrow(
      "auth.token must be printable ASCII, without spaces, line breaks or control characters",
    );
  });
});
