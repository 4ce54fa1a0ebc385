import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Difference } from "../../../scripts/drift/model.js";
import { type DriftReport, runDrift } from "../../../scripts/drift/run-drift.js";
import { createVariants, FRAGMENT, optionsFor } from "./upstream-variant.js";

let variants: Awaited<ReturnType<typeof createVariants>>;
beforeAll(async () => {
  variants = await createVariants();
});
afterAll(() => variants.dispose());

async function driftOf(name: string, mutate: Parameters<typeof variants.write>[1]): Promise<DriftReport> {
  return runDrift(optionsFor(await variants.write(name, mutate)));
}

function pick(differences: Difference[], op: string): Difference[] {
  return differences.filter((d) => d.op === op);
}

const JSON_BODY = "content.application/json";

describe("runDrift on Okta's published fragment", () => {
  test("finds only recorded differences, and every record still applies", async () => {
    const report = await runDrift(optionsFor(FRAGMENT));
    expect(report.unrecorded).toEqual([]);
    expect(report.stale).toEqual([]);
    expect(report.operations).toEqual({ upstream: 12, ours: 12 });
    const ids = new Set(report.recorded.map((r) => r.id));
    for (const id of ["D4", "D9", "D12", "D13", "D20", "D26", "D28"]) expect(ids).toContain(id);
  });
});

describe("runDrift on upstream variants", () => {
  test("reports an enum value Okta added, with both enums", async () => {
    const report = await driftOf("enum-added", (spec) => {
      spec.components.schemas.OAuth2ClientSecretRequestBody.properties.status.enum.push("PENDING");
    });
    expect(report.unrecorded).toEqual([
      {
        op: "createOAuth2ClientSecret",
        at: `requestBody.${JSON_BODY}.properties.status.enum`,
        change: "differs",
        upstream: ["ACTIVE", "INACTIVE", "PENDING"],
        ours: ["ACTIVE", "INACTIVE"],
      },
    ]);
    expect(report.stale).toEqual([]);
  });

  test("reports a property Okta removed in every operation that returns it, and the record it makes stale", async () => {
    const report = await driftOf("property-removed", (spec) => {
      delete spec.components.schemas.OAuth2ClientSecret.properties.secret_hash;
    });
    const ops = report.unrecorded.map((d) => d.op).sort();
    expect(ops).toEqual([
      "activateOAuth2ClientSecret",
      "createOAuth2ClientSecret",
      "deactivateOAuth2ClientSecret",
      "getOAuth2ClientSecret",
      "listOAuth2ClientSecrets",
    ]);
    expect(pick(report.unrecorded, "listOAuth2ClientSecrets")).toEqual([
      {
        op: "listOAuth2ClientSecrets",
        at: `responses.200.${JSON_BODY}.items.properties.secret_hash`,
        change: "only-ours",
        ours: { type: "string", minLength: 1 },
      },
    ]);
    expect(report.stale.map((s) => [s.id, s.expectation.at])).toEqual([
      ["D42", "**.properties.secret_hash.minLength"],
    ]);
  });

  test("reports a changed type", async () => {
    const report = await driftOf("type-changed", (spec) => {
      spec.components.schemas.OAuth2ClientSecret.properties.secret_hash.type = "integer";
    });
    expect(pick(report.unrecorded, "getOAuth2ClientSecret")).toEqual([
      {
        op: "getOAuth2ClientSecret",
        at: `responses.200.${JSON_BODY}.properties.secret_hash.type`,
        change: "differs",
        upstream: "integer",
        ours: "string",
      },
    ]);
    expect(report.unrecorded).toHaveLength(5);
  });

  test("reports a new status code on the operation that gained it", async () => {
    const report = await driftOf("status-added", (spec) => {
      spec.paths["/api/v1/apps/{appId}/credentials/jwks/{keyId}"].delete.responses["409"] = {
        description: "Conflict",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    });
    expect(report.unrecorded).toHaveLength(1);
    expect(report.unrecorded[0]).toMatchObject({
      op: "deletejwk",
      at: "responses.409",
      change: "only-upstream",
    });
    expect(report.titles.deletejwk).toBe("DELETE /api/v1/apps/{appId}/credentials/jwks/{keyId}");
  });

  test("reports a new operation in the tag and ignores one outside it", async () => {
    const report = await driftOf("operation-added", (spec) => {
      const base = "/api/v1/apps/{appId}/credentials/jwks/{keyId}";
      const copy = structuredClone(spec.paths[`${base}/lifecycle/activate`].post);
      spec.paths[`${base}/lifecycle/rotate`] = {
        parameters: spec.paths[base].parameters,
        post: { ...copy, operationId: "rotateJwk" },
      };
      spec.paths[`${base}/lifecycle/audit`] = {
        post: { ...copy, operationId: "auditJwk", tags: ["ApplicationCredentials"] },
      };
    });
    expect(report.unrecorded).toEqual([
      {
        op: "rotateJwk",
        at: "operation",
        change: "only-upstream",
        upstream: "POST /api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/rotate",
      },
    ]);
    expect(report.operations).toEqual({ upstream: 13, ours: 12 });
  });

  test("reports a changed scope", async () => {
    const report = await driftOf("scope-changed", (spec) => {
      spec.paths["/api/v1/apps/{appId}/credentials/jwks/{keyId}"].get.security = [
        { apiToken: [] },
        { oauth2: ["okta.apps.manage"] },
      ];
    });
    expect(report.unrecorded).toEqual([
      {
        op: "getJwk",
        at: "security",
        change: "differs",
        upstream: ["apiToken", "oauth2: okta.apps.manage"],
        ours: ["apiToken", "oauth2: okta.apps.read"],
      },
    ]);
  });

  test("reports a record as stale once Okta adopts the deviation", async () => {
    const report = await driftOf("deviation-adopted", (spec) => {
      const post = spec.paths["/api/v1/apps/{appId}/credentials/jwks"].post;
      post.responses["404"] = { $ref: "#/components/responses/ErrorResourceNotFound404" };
    });
    expect(report.unrecorded).toEqual([]);
    expect(report.stale).toEqual([
      { id: "D12", expectation: { op: "addJwk", at: "responses.404", change: "only-ours" } },
    ]);
  });

  test("does not subtract a record whose upstream value no longer holds", async () => {
    const report = await driftOf("flows-changed", (spec) => {
      const flows = spec.components.securitySchemes.oauth2.flows;
      flows.implicit = { authorizationUrl: "/oauth2/v1/authorize", scopes: flows.authorizationCode.scopes };
    });
    expect(report.unrecorded).toHaveLength(12);
    expect(report.unrecorded[0]).toMatchObject({
      at: "securitySchemes.oauth2.flows",
      upstream: ["authorizationCode", "implicit"],
      ours: ["clientCredentials"],
    });
    expect(report.stale.map((s) => s.id)).toEqual(["D28"]);
  });
});
