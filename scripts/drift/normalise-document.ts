import type { JsonObject, OperationModel } from "./model.js";
import { isJsonObject } from "./model.js";
import { normaliseOperation } from "./normalise-operation.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Pairing key: method and path with parameter names blanked, so a renamed `{keyId}` still pairs. */
function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replaceAll(/\{[^}]*\}/g, "{}")}`;
}

/** Every operation of `doc` carrying `tag`, normalised, in path order. */
export function normaliseDocument(doc: JsonObject, tag: string): OperationModel[] {
  const operations: OperationModel[] = [];
  const paths = isJsonObject(doc.paths) ? doc.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isJsonObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isJsonObject(operation) || !Array.isArray(operation.tags) || !operation.tags.includes(tag))
        continue;
      operations.push({
        key: operationKey(method, path),
        operationId: String(operation.operationId ?? operationKey(method, path)),
        title: `${method.toUpperCase()} ${path}`,
        body: normaliseOperation(doc, pathItem, operation),
      });
    }
  }
  return operations;
}
