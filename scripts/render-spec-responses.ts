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

/** The TypeScript module text for the spec's YAML. */
export function renderSpecResponses(specText: string, banner: string): string {
  const doc = parse(specText) as Node & {
    info: { version: string };
    paths: Record<string, Node>;
    components: Record<string, Node>;
  };
  const deref = (value: unknown): Node => {
    const ref = (value as Node).$ref;
    if (typeof ref !== "string") return value as Node;
    const [, , section, name] = ref.split("/");
    return deref(doc.components[section as string]?.[name as string]);
  };
  const operations: Node = {};
  for (const item of Object.values(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (method === "parameters") continue;
      const { operationId, responses } = operation as { operationId: string; responses: Node };
      operations[operationId] = mapValues(responses, (value) => {
        const response = deref(value) as { headers?: Node; content?: Record<string, { schema: unknown }> };
        const headers = mapValues(response.headers ?? {}, (header) => {
          const { required = false, schema } = deref(header) as { required?: boolean; schema: unknown };
          return { required, schema: toJsonSchema(schema) };
        });
        const json = response.content?.["application/json"];
        return { headers, body: json ? toJsonSchema(json.schema) : null };
      });
    }
  }
  const defs = JSON.stringify(mapValues(doc.components.schemas as Node, toJsonSchema), null, 2);
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
    `export const SPEC_DEFS: Readonly<Record<string, object>> = ${defs};`,
    "",
    "/** Every documented response, by operationId and status. */",
    `export const SPEC_RESPONSES: Readonly<Record<string, Readonly<Record<string, SpecResponse>>>> = ${JSON.stringify(operations, null, 2)};`,
    "",
  ].join("\n");
}
