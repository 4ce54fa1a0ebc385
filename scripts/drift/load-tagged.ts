import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { bundleFromString, createConfig } from "@redocly/openapi-core";
import type { JsonObject } from "./model.js";
import { isJsonObject } from "./model.js";

/** True for `http:` and `https:` sources, which are fetched; anything else is a file path. */
export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

async function readSource(source: string): Promise<{ text: string; ref: string }> {
  if (!isUrl(source))
    return { text: await readFile(source, "utf8"), ref: pathToFileURL(resolve(source)).href };
  const response = await fetch(source);
  if (!response.ok) throw new Error(`GET ${source} answered ${response.status} ${response.statusText}`);
  return { text: await response.text(), ref: source };
}

/**
 * Reads an OpenAPI document (path or URL) and keeps the operations tagged `tag` with the components they
 * use: Redocly's `filter-in` decorator on `tags`, then `remove-unused-components`.
 */
export async function loadTagged(source: string, tag: string): Promise<JsonObject> {
  const { text, ref } = await readSource(source);
  const config = await createConfig({ decorators: { "filter-in": { property: "tags", value: [tag] } } });
  const { bundle } = await bundleFromString({
    source: text,
    absoluteRef: ref,
    config,
    removeUnusedComponents: true,
  });
  const parsed: unknown = bundle.parsed;
  if (!isJsonObject(parsed) || !isJsonObject(parsed.paths))
    throw new Error(`${source} is not an OpenAPI document`);
  return parsed;
}
