import type { Json } from "./model.js";
import { isJsonObject } from "./model.js";

/** Resolves a local JSON pointer reference (`#/components/schemas/Jwk`) inside `doc`. */
export function resolvePointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith("#/")) throw new Error(`only local references can be compared, found ${ref}`);
  let node: Json | undefined = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = isJsonObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  return node;
}

/** Follows `$ref` chains of a non-schema object (parameter, response, header, request body). */
export function deref(doc: Json, value: Json | undefined): Json | undefined {
  let node = value;
  for (let hops = 0; isJsonObject(node) && typeof node.$ref === "string"; hops++) {
    if (hops > 20) throw new Error(`reference cycle at ${node.$ref}`);
    node = resolvePointer(doc, node.$ref);
  }
  return node;
}
