import { describe, expect, test } from "vitest";
import { knownBody, requestWithKnownBody } from "../../src/known-body.js";

const RequestWithKnownBody = requestWithKnownBody();

describe("requestWithKnownBody", () => {
  test("is a Request that remembers its string body and still sends it", async () => {
    const request = new RequestWithKnownBody("https://acme.okta.com/x", { method: "POST", body: '{"a":1}' });
    expect(request).toBeInstanceOf(Request);
    expect(knownBody(request)).toBe('{"a":1}');
    expect(await request.text()).toBe('{"a":1}');
  });

  test("knows no body it was not given as a string", () => {
    const bytes = new RequestWithKnownBody("https://acme.okta.com/x", {
      method: "POST",
      body: new Uint8Array(1),
    });
    expect(knownBody(bytes)).toBeUndefined();
    expect(knownBody(new RequestWithKnownBody("https://acme.okta.com/x"))).toBeUndefined();
    expect(knownBody(new Request("https://acme.okta.com/x", { method: "POST", body: "{}" }))).toBeUndefined();
  });
});
