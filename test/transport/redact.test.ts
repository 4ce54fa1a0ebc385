import { describe, expect, test } from "vitest";
import { credentialsOf, redact, withoutSecrets } from "../../src/transport/redact.js";
import { redactResponse } from "../../src/transport/redact-response.js";

const JWT = "eyJhbGciOiJFUzI1NiJ9.eyJqdGkiOiIxIn0.c2ln";

describe("redact", () => {
  test("replaces every occurrence of each secret, anything JWT-shaped, and control characters", () => {
    expect(withoutSecrets("a 00tok b 00tok", ["00tok", ""])).toBe("a [redacted] b [redacted]");
    expect(redact(`x 00tok ${JWT}\r\nFake: line\u001b[31m`, ["00tok"])).toBe(
      "x [redacted] [redacted]  Fake: line [31m",
    );
  });

  test("finds the credentials a request carries: Authorization without its scheme, and the DPoP proof", () => {
    const request = new Request("https://acme.okta.com/", {
      headers: { Authorization: "DPoP at.1", DPoP: JWT },
    });
    expect(credentialsOf(request)).toEqual(["at.1", JWT]);
    expect(credentialsOf(new Request("https://acme.okta.com/"))).toEqual([]);
  });
});

describe("redactResponse", () => {
  test("takes secrets out of an error's body, status text and headers, keeping where it came from", async () => {
    const response = new Response(JSON.stringify({ errorSummary: "bad 00tok" }), {
      status: 401,
      statusText: "No 00tok",
      headers: { "X-Okta-Request-Id": "r-00tok", "Content-Length": "27" },
    });
    Object.defineProperty(response, "url", { value: "https://acme.okta.com/api/v1/apps" });
    const clean = await redactResponse(response, ["00tok"]);
    expect([clean.status, clean.statusText, clean.url]).toEqual([401, "No [redacted]", response.url]);
    expect(clean.headers.get("X-Okta-Request-Id")).toBe("r-[redacted]");
    expect(clean.headers.has("Content-Length")).toBe(false);
    expect(await clean.json()).toEqual({ errorSummary: "bad [redacted]" });
  });

  test("passes a 2xx untouched, body included, unless a header repeats a secret", async () => {
    const ok = new Response('[{"client_secret":"00tok"}]', { status: 200 });
    expect(await redactResponse(ok, ["00tok"])).toBe(ok);
    const linked = new Response("[]", { headers: { Link: "</next?t=00tok>; rel=next" } });
    const clean = await redactResponse(linked, ["00tok"]);
    expect(clean.headers.get("Link")).toBe("</next?t=[redacted]>; rel=next");
    expect(await clean.text()).toBe("[]");
    const told = await redactResponse(new Response("[]", { statusText: "OK 00tok" }), ["00tok"]);
    expect([told.statusText, await told.text()]).toEqual(["OK [redacted]", "[]"]);
  });
});
