import { mergeSchemas } from "./merge-schemas.js";
import type { Json, JsonObject } from "./model.js";
import { isJsonObject } from "./model.js";

/** Looks up a local reference such as `#/components/schemas/Jwk`. */
export type RefResolver = (ref: string) => Json | undefined;

/** Keywords compared as written. Descriptions, examples, titles, readOnly and discriminators are not. */
const KEPT = [
  "type",
  "format",
  "default",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minProperties",
  "maxProperties",
] as const;

function sortedValues(values: Json[]): Json[] {
  return [...values].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** OpenAPI 3.1 spells nullability as a `"null"` member of `type`; fold it into `nullable`. */
function foldNullType(node: JsonObject): void {
  if (!Array.isArray(node.type)) return;
  const types = node.type.filter((t) => t !== "null");
  if (types.length < node.type.length) node.nullable = true;
  node.type = types.length === 1 && types[0] !== undefined ? types[0] : types;
}

function ownKeywords(raw: JsonObject, resolve: RefResolver, seen: readonly string[]): JsonObject {
  const node: JsonObject = {};
  for (const key of KEPT) if (raw[key] !== undefined) node[key] = raw[key];
  foldNullType(node);
  if (Array.isArray(raw.enum)) node.enum = sortedValues(raw.enum);
  if (raw.nullable === true) node.nullable = true;
  if (Array.isArray(raw.required) && raw.required.length > 0) node.required = sortedValues(raw.required);
  if (raw.additionalProperties === false) node.additionalProperties = false;
  else if (isJsonObject(raw.additionalProperties) && Object.keys(raw.additionalProperties).length > 0) {
    node.additionalProperties = normaliseSchema(raw.additionalProperties, resolve, seen);
  }
  if (isJsonObject(raw.properties)) {
    node.properties = Object.fromEntries(
      Object.entries(raw.properties).map(([name, schema]) => [name, normaliseSchema(schema, resolve, seen)]),
    );
  }
  if (raw.items !== undefined) node.items = normaliseSchema(raw.items, resolve, seen);
  // Okta often leaves `type: object` out next to `properties`; the structure says it anyway.
  if (
    node.type === undefined &&
    (node.properties || node.required || node.additionalProperties !== undefined)
  ) {
    node.type = "object";
  }
  return node;
}

/**
 * Normalises a schema: `$ref`s resolved (siblings merged), `allOf` merged, `oneOf`/`anyOf` flattened
 * into plain branches (in source order; the diff pairs them by their constants), enums and `required` sorted, `nullable: false` dropped.
 */
export function normaliseSchema(
  raw: Json | undefined,
  resolve: RefResolver,
  seen: readonly string[] = [],
): JsonObject {
  if (!isJsonObject(raw)) return {};
  const { $ref, allOf, oneOf, anyOf, ...rest } = raw;
  if (typeof $ref === "string") {
    if (seen.includes($ref)) return { recursive: $ref };
    const target = normaliseSchema(resolve($ref), resolve, [...seen, $ref]);
    const siblings = Object.keys(rest).length > 0 || allOf || oneOf || anyOf;
    return siblings ? mergeSchemas(target, normaliseSchema({ ...raw, $ref: null }, resolve, seen)) : target;
  }
  let node = ownKeywords(rest, resolve, seen);
  for (const part of Array.isArray(allOf) ? allOf : [])
    node = mergeSchemas(node, normaliseSchema(part, resolve, seen));
  const branches = Array.isArray(oneOf) ? oneOf : Array.isArray(anyOf) ? anyOf : undefined;
  if (branches) {
    const union = branches.map((branch) => normaliseSchema(branch, resolve, seen));
    const flat = union.flatMap((leaf) =>
      Array.isArray(leaf.oneOf) ? leaf.oneOf.filter(isJsonObject) : [leaf],
    );
    node = mergeSchemas({ oneOf: flat }, node);
  }
  return node;
}
