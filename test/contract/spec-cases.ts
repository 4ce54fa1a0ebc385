/**
 * Reads the curated spec and lists every case the contract tests run: each operation, each documented status code,
 * each named example of that status, and each named request example.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Node = Record<string, unknown>;

/** One response the mock can be asked for, with what the client must turn it into. */
export interface ResponseCase {
  readonly operationId: string;
  readonly status: number;
  /** The example's name, or undefined for a response without a body. */
  readonly example: string | undefined;
  /** The example's value: the body Prism will serve. */
  readonly value: unknown;
  /** Header examples declared on the response, by lower-case name. */
  readonly headers: Readonly<Record<string, unknown>>;
}

/** A named request body example of an operation. */
export interface RequestCase {
  readonly operationId: string;
  readonly example: string;
  readonly value: unknown;
}

const spec = parse(
  readFileSync(new URL("../../spec/okta-app-credentials.yaml", import.meta.url), "utf8"),
) as Node;

function resolve(node: unknown): Node {
  let current = node as Node;
  while (typeof current.$ref === "string") {
    const path = current.$ref.replace(/^#\//, "").split("/");
    current = path.reduce<Node>((at, key) => at[key.replace(/~1/g, "/").replace(/~0/g, "~")] as Node, spec);
  }
  return current;
}

function operations(): [string, Node][] {
  const found: [string, Node][] = [];
  for (const item of Object.values(spec.paths as Node)) {
    for (const [method, operation] of Object.entries(item as Node)) {
      if (["get", "post", "delete"].includes(method))
        found.push([(operation as Node).operationId as string, operation as Node]);
    }
  }
  return found;
}

function headerExamples(response: Node): Record<string, unknown> {
  const headers: Record<string, unknown> = {};
  for (const [name, header] of Object.entries((response.headers as Node | undefined) ?? {})) {
    const resolved = resolve(header);
    headers[name.toLowerCase()] = resolved.example ?? resolve(resolved.schema).example;
  }
  return headers;
}

/** Every operation id in the spec. */
export const operationIds: readonly string[] = operations().map(([id]) => id);

/** Every (operation, status, named example) the spec documents. */
export const responseCases: readonly ResponseCase[] = operations().flatMap(([operationId, operation]) =>
  Object.entries(operation.responses as Node).flatMap(([status, raw]): ResponseCase[] => {
    const response = resolve(raw);
    const headers = headerExamples(response);
    const media = (response.content as Node | undefined)?.["application/json"] as Node | undefined;
    const examples = media?.examples as Node | undefined;
    if (!examples)
      return [{ operationId, status: Number(status), example: undefined, value: undefined, headers }];
    return Object.entries(examples).map(([example, ref]) => ({
      operationId,
      status: Number(status),
      example,
      value: resolve(ref).value,
      headers,
    }));
  }),
);

/** Every named request body example. */
export const requestCases: readonly RequestCase[] = operations().flatMap(([operationId, operation]) => {
  if (!operation.requestBody) return [];
  const body = resolve(operation.requestBody);
  const examples = ((body.content as Node)["application/json"] as Node).examples as Node | undefined;
  return Object.entries(examples ?? {}).map(([example, ref]) => ({
    operationId,
    example,
    value: resolve(ref).value,
  }));
});
