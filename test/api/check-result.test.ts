import { describe, expect, test } from "vitest";
import { checkResult } from "../../src/api/check-result.js";
import { operationNamed } from "../../src/api/operations.js";

const target = () => ({ method: "GET", url: "https://acme.okta.com/api/v1/apps/0oa1/credentials/secrets" });

describe("checkResult", () => {
  test("passes lists and single results that have ids, and unwraps Okta's other key-list shapes", () => {
    const secrets = [{ id: "ocs1", client_secret: "s" }];
    expect(checkResult(operationNamed("secrets.list"), secrets, target)).toBe(secrets);
    expect(checkResult(operationNamed("jwks.list"), { keys: [{ id: "pks1" }] }, target)).toEqual([
      { id: "pks1" },
    ]);
    expect(checkResult(operationNamed("jwks.get"), { id: "pks1" }, target)).toEqual({ id: "pks1" });
  });

  test("returns nothing for an operation documented as 204, whatever came", () => {
    expect(checkResult(operationNamed("secrets.delete"), { id: "x" }, target)).toBeUndefined();
  });

  test("names the call and the expected shape, without quoting the body", () => {
    expect(() =>
      checkResult(operationNamed("secrets.list"), { client_secret: "hunter2hunter2" }, target),
    ).toThrow(
      `Okta's answer to secrets.list (GET ${target().url}) is not a list of client secrets, each with an id`,
    );
    expect(() => checkResult(operationNamed("jwks.activate"), null, target)).toThrow(
      "is not a key with an id",
    );
  });
});
