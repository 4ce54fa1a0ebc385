import type { Json, JsonObject } from "./model.js";
import { isJsonObject } from "./model.js";

function leavesOf(schema: JsonObject): JsonObject[] {
  return Array.isArray(schema.oneOf) ? schema.oneOf.filter(isJsonObject) : [schema];
}

function unionSorted(a: Json, b: Json): Json[] {
  const all = [...(Array.isArray(a) ? a : []), ...(Array.isArray(b) ? b : [])];
  return [...new Set(all.map((v) => JSON.stringify(v)))].sort().map((v) => JSON.parse(v) as Json);
}

function mergeProperties(a: JsonObject, b: JsonObject): JsonObject {
  const merged: JsonObject = { ...b };
  for (const [name, schema] of Object.entries(a)) {
    const other = merged[name];
    merged[name] = isJsonObject(schema) && isJsonObject(other) ? mergeSchemas(schema, other) : schema;
  }
  return merged;
}

/** Keyword-specific rules of `allOf`; any other keyword keeps the first value defined. */
const MERGE_RULES: Record<string, (a: Json, b: Json) => Json> = {
  required: unionSorted,
  properties: (a, b) => mergeProperties(isJsonObject(a) ? a : {}, isJsonObject(b) ? b : {}),
  additionalProperties: (a, b) =>
    a === false || b === false ? false : isJsonObject(a) && isJsonObject(b) ? mergeSchemas(a, b) : a,
  items: (a, b) => (isJsonObject(a) && isJsonObject(b) ? mergeSchemas(a, b) : a),
  enum: (a, b) => (Array.isArray(a) && Array.isArray(b) ? a.filter((v) => b.includes(v)) : a),
};

function mergePlain(a: JsonObject, b: JsonObject): JsonObject {
  const merged: JsonObject = { ...b };
  for (const [key, value] of Object.entries(a)) {
    const other = merged[key];
    const rule = MERGE_RULES[key];
    merged[key] = other === undefined ? value : rule ? rule(value, other) : value;
  }
  return merged;
}

/**
 * Merges two normalised schemas as `allOf` would, `a` winning where both set a keyword; a union on
 * either side is distributed over the other, so the result is either a plain schema or `{oneOf: [...]}` of plain, flattened branches.
 */
export function mergeSchemas(a: JsonObject, b: JsonObject): JsonObject {
  if (!Array.isArray(a.oneOf) && !Array.isArray(b.oneOf)) return mergePlain(a, b);
  const leaves = leavesOf(a).flatMap((left) => leavesOf(b).map((right) => mergePlain(left, right)));
  const [only] = leaves;
  return leaves.length === 1 && only ? only : { oneOf: leaves };
}
