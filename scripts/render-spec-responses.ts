/**
 * Renders generated/spec-responses.ts: every response of the curated spec (status, headers, JSON body) as plain
 * JSON Schema, so `verify` validates live answers without reading YAML at run time. OpenAPI 3.0's `nullable`
 * becomes a `"null"` type, component references point into `$defs`, and annotations are left out.
 */
import { parse } from "yaml";

type Node = Record<string, unknown>;

// Keywords that only describe: they change no verdict, so they are not embedded.
const ANNOTATIONS = new Set([
  "description",
  "title",
  "example",
  "examples",
  "default",
  "readOnly",
  "writeOnly",
]);

/** An OpenAPI 3.0 schema as a JSON Schema (2020-12) one. */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== "object" || schema === null) return schema;
  const out: Node = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key === "nullable") continue;
    if (key === "$ref") out.$ref = String(value).replace("#/components/schemas/", "#/$defs/");
    else if (key === "properties") out.properties = mapValues(value as Node, toJsonSchema);
    else out[key] = toJsonSchema(value);
  }
  if ((schema as Node).nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (out.$ref !== undefined) return { anyOf: [{ $ref: out.$ref }, { type: "null" }] };
  }
  return out;
}

function mapValues(object: Node, map: (value: unknown) => unknown): Node {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));
}

// A placeholder `code` turns into a reference to a shared table, so that a response or header the spec declares once
// in its components is emitted once.
const REF = /"@ref:(HEADERS|RESPONSES):([^"]+)"/g;
const ref = (table: "HEADERS" | "RESPONSES", name: string) => `@ref:${table}:${name}`;

/** `value` as TypeScript source, each placeholder a reference into its table. */
function code(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(REF, (_, table, name) => `${table}[${JSON.stringify(name)}]`);
}

/** The name of the component of `section` that `value` refers to, if it is such a reference. */
function componentName(value: unknown, section: "headers" | "responses"): string | undefined {
  const target = (value as Node).$ref;
  if (target === undefined) return undefined;
  const prefix = `#/components/${section}/`;
  if (typeof target !== "string" || !target.startsWith(prefix)) {
    throw new Error(`A ${section} entry refers to ${String(target)}, outside #/components/${section}`);
  }
  return target.slice(prefix.length);
}

/** The TypeScript module text for the spec's YAML. */
export function renderSpecResponses(specText: string, banner: string): string {
  const doc = parse(specText) as Node & {
    info: { version: string };
    paths: Record<string, Node>;
    components: Record<string, Node>;
  };
  const headerValue = (value: unknown) => {
    const { required = false, schema } = value as { required?: boolean; schema: unknown };
    return { required, schema: toJsonSchema(schema) };
  };
  const header = (value: unknown) => {
    const name = componentName(value, "headers");
    return name === undefined ? headerValue(value) : ref("HEADERS", name);
  };
  const responseValue = (value: unknown) => {
    const { headers, content } = value as { headers?: Node; content?: Record<string, { schema: unknown }> };
    const json = content?.["application/json"];
    return { headers: mapValues(headers ?? {}, header), body: json ? toJsonSchema(json.schema) : null };
  };
  const operations: Node = {};
  for (const item of Object.values(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (method === "parameters") continue;
      const { operationId, responses } = operation as { operationId: string; responses: Node };
      operations[operationId] = mapValues(responses, (value) => {
        const name = componentName(value, "responses");
        return name === undefined ? responseValue(value) : ref("RESPONSES", name);
      });
    }
  }
  const { headers = {}, responses = {}, schemas } = doc.components;
  return [
    banner,
    "/** One response of an operation: its headers (each required or not) and its JSON body, if any. */",
    "export interface SpecResponse {",
    "  readonly headers: Readonly<Record<string, { readonly required: boolean; readonly schema: object }>>;",
    "  readonly body: object | null;",
    "}",
    "",
    "/** The curated spec's `info.version`. */",
    `export const SPEC_VERSION = ${JSON.stringify(doc.info.version)};`,
    "",
    "/** The curated spec's component schemas, for `$ref: #/$defs/…`. */",
    `export const SPEC_DEFS: Readonly<Record<string, object>> = ${code(mapValues(schemas as Node, toJsonSchema))};`,
    "",
    "/** The curated spec's component headers, each emitted once. */",
    `const HEADERS = ${code(mapValues(headers, headerValue))};`,
    "",
    "/** The curated spec's component responses, each emitted once. */",
    `const RESPONSES = ${code(mapValues(responses, responseValue))};`,
    "",
    "/** Every documented response, by operationId and status. */",
    `export const SPEC_RESPONSES: Readonly<Record<string, Readonly<Record<string, SpecResponse>>>> = ${code(operations)};`,
    "",
  ].join("\n");
}
