import type { JsonObject } from "./model.js";
import { isJsonObject } from "./model.js";

/** The single-value enums of a union branch (`use=sig`, `kty=RSA`): what tells the branches apart. */
export function leafConstants(leaf: JsonObject): Map<string, string> {
  const constants = new Map<string, string>();
  const properties = isJsonObject(leaf.properties) ? leaf.properties : {};
  for (const [name, schema] of Object.entries(properties)) {
    if (isJsonObject(schema) && Array.isArray(schema.enum) && schema.enum.length === 1) {
      constants.set(name, String(schema.enum[0]));
    }
  }
  return constants;
}

/** A stable name for a union branch from its constants, e.g. `kty=RSA,use=sig`; the type when it has none. */
export function labelOf(constants: ReadonlyMap<string, string>, leaf: JsonObject): string {
  const parts = [...constants].map(([name, value]) => `${name}=${value}`).sort();
  if (parts.length > 0) return parts.join(",");
  return typeof leaf.type === "string" ? `type=${leaf.type}` : "any";
}
