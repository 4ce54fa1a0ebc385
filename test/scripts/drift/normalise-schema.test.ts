import { describe, expect, test } from "vitest";
import { diffOperations } from "../../../scripts/drift/diff-operations.js";
import type { Json, JsonObject, OperationModel } from "../../../scripts/drift/model.js";
import { normaliseSchema } from "../../../scripts/drift/normalise-schema.js";
import { resolvePointer } from "../../../scripts/drift/resolve-pointer.js";

function normalise(schema: Json, schemas: JsonObject = {}): JsonObject {
  const doc: JsonObject = { components: { schemas } };
  return normaliseSchema(schema, (ref) => resolvePointer(doc, ref));
}

const kty = (value: string): JsonObject => ({ type: "string", enum: [value] });

describe("normaliseSchema", () => {
  test("merges allOf parts and the schema's own keywords, sorting required and enum", () => {
    const schemas = {
      Base: { type: "object", required: ["b"], properties: { b: { type: "string", nullable: false } } },
    };
    const node = normalise(
      {
        allOf: [{ $ref: "#/components/schemas/Base" }],
        required: ["a"],
        properties: { a: { enum: ["y", "x"] } },
      },
      schemas,
    );
    expect(node).toEqual({
      type: "object",
      required: ["a", "b"],
      properties: { a: { enum: ["x", "y"] }, b: { type: "string" } },
    });
  });

  test("flattens nested oneOf and distributes the parent's properties into each branch", () => {
    const node = normalise({
      oneOf: [
        {
          properties: { use: kty("sig") },
          oneOf: [{ properties: { kty: kty("RSA") } }, { properties: { kty: kty("EC") } }],
        },
        { properties: { use: kty("enc"), kty: kty("RSA") } },
      ],
    });
    const branches = (node.oneOf as JsonObject[]).map((leaf) => leaf.properties);
    expect(branches).toEqual([
      { kty: kty("RSA"), use: kty("sig") },
      { kty: kty("EC"), use: kty("sig") },
      { use: kty("enc"), kty: kty("RSA") },
    ]);
  });

  test("ignores descriptions, examples and discriminators, and infers type object from properties", () => {
    const node = normalise({
      description: "x",
      example: { a: "b" },
      discriminator: { propertyName: "a" },
      properties: { a: { type: "string", readOnly: true, description: "y" } },
    });
    expect(node).toEqual({ type: "object", properties: { a: { type: "string" } } });
  });

  test("stops at a recursive reference instead of looping", () => {
    const schemas = { Tree: { properties: { child: { $ref: "#/components/schemas/Tree" } } } };
    const node = normalise({ $ref: "#/components/schemas/Tree" }, schemas);
    expect(node).toEqual({
      type: "object",
      properties: { child: { recursive: "#/components/schemas/Tree" } },
    });
  });
});

function operation(body: JsonObject): OperationModel {
  return { key: "GET /x", operationId: "getX", title: "GET /x", body };
}

describe("diffOperations", () => {
  test("pairs union branches by their constants whatever their order or names", () => {
    const rsa = { properties: { kty: kty("RSA"), n: { type: "string" } } };
    const ec = { properties: { kty: kty("EC"), x: { type: "string" } } };
    const ecWithY = { properties: { kty: kty("EC"), x: { type: "string" }, y: { type: "string" } } };
    const differences = diffOperations(
      [operation({ schema: { oneOf: [rsa, ec] } })],
      [operation({ schema: { oneOf: [ecWithY, rsa] } })],
    );
    expect(differences).toEqual([
      { op: "getX", at: "schema.oneOf[kty=EC].properties.y", change: "only-ours", ours: { type: "string" } },
    ]);
  });

  test("names a branch by the constants of both sides when one side leaves one out", () => {
    const upstream = { properties: { kty: kty("RSA") } };
    const ours = { properties: { kty: kty("RSA"), use: kty("sig") } };
    const differences = diffOperations(
      [operation({ schema: { oneOf: [upstream, { properties: { kty: kty("EC") } }] } })],
      [operation({ schema: { oneOf: [ours, { properties: { kty: kty("EC") } }] } })],
    );
    expect(differences.map((d) => d.at)).toEqual(["schema.oneOf[kty=RSA,use=sig].properties.use"]);
  });
});
