import type { Json, JsonObject } from "./model.js";
import { isJsonObject } from "./model.js";
import { normaliseSchema } from "./normalise-schema.js";
import { deref, resolvePointer } from "./resolve-pointer.js";

function asObject(value: Json | undefined): JsonObject {
  return isJsonObject(value) ? value : {};
}

function normaliseContent(doc: JsonObject, content: Json | undefined): JsonObject {
  const resolve = (ref: string) => resolvePointer(doc, ref);
  return Object.fromEntries(
    Object.entries(asObject(content)).map(([type, media]) => [
      type,
      normaliseSchema(asObject(media).schema, resolve),
    ]),
  );
}

/** A parameter or header: whether it is required, and its schema (or its content's schemas). */
function normaliseField(doc: JsonObject, raw: Json | undefined): JsonObject {
  const field = asObject(deref(doc, raw));
  const node: JsonObject = { required: field.required === true };
  if (field.schema !== undefined)
    node.schema = normaliseSchema(field.schema, (ref) => resolvePointer(doc, ref));
  if (field.content !== undefined) node.content = normaliseContent(doc, field.content);
  return node;
}

function normaliseParameters(doc: JsonObject, pathItem: JsonObject, operation: JsonObject): JsonObject {
  const parameters: JsonObject = {};
  const all = [pathItem.parameters, operation.parameters].flatMap((list) =>
    Array.isArray(list) ? list : [],
  );
  for (const raw of all) {
    const parameter = asObject(deref(doc, raw));
    parameters[`${String(parameter.in)}.${String(parameter.name)}`] = normaliseField(doc, parameter);
  }
  return parameters;
}

function normaliseResponse(doc: JsonObject, raw: Json | undefined): JsonObject {
  const response = asObject(deref(doc, raw));
  const node: JsonObject = {};
  const headers = Object.entries(asObject(response.headers));
  if (headers.length > 0) {
    node.headers = Object.fromEntries(headers.map(([name, header]) => [name, normaliseField(doc, header)]));
  }
  if (response.content !== undefined) node.content = normaliseContent(doc, response.content);
  return node;
}

function normaliseRequestBody(doc: JsonObject, raw: Json | undefined): JsonObject | undefined {
  if (raw === undefined) return undefined;
  const body = asObject(deref(doc, raw));
  return { required: body.required === true, content: normaliseContent(doc, body.content) };
}

/** The compared part of one operation: parameters, request body, responses, security and its schemes. */
export function normaliseOperation(doc: JsonObject, pathItem: JsonObject, operation: JsonObject): JsonObject {
  const node: JsonObject = {
    operationId: String(operation.operationId),
    parameters: normaliseParameters(doc, pathItem, operation),
    responses: Object.fromEntries(
      Object.entries(asObject(operation.responses)).map(([status, r]) => [status, normaliseResponse(doc, r)]),
    ),
    ...normaliseSecurity(doc, operation.security ?? doc.security),
  };
  const requestBody = normaliseRequestBody(doc, operation.requestBody);
  if (requestBody) node.requestBody = requestBody;
  if (operation.deprecated === true) node.deprecated = true;
  return node;
}

function describeScheme(raw: Json | undefined): JsonObject {
  const scheme = asObject(raw);
  const node: JsonObject = { type: scheme.type ?? null };
  for (const key of ["in", "name", "scheme", "bearerFormat", "openIdConnectUrl"]) {
    if (scheme[key] !== undefined) node[key] = scheme[key];
  }
  if (isJsonObject(scheme.flows)) node.flows = Object.keys(scheme.flows).sort();
  return node;
}

/** Security alternatives as sorted strings (`oauth2: okta.apps.read`), with the schemes they name. */
function normaliseSecurity(doc: JsonObject, raw: Json | undefined): JsonObject {
  const requirements = Array.isArray(raw) ? raw.filter(isJsonObject) : [];
  const schemes = asObject(asObject(doc.components).securitySchemes);
  const used: JsonObject = {};
  const alternatives = requirements.map((requirement) =>
    Object.entries(requirement)
      .map(([name, scopes]) => {
        used[name] = describeScheme(deref(doc, schemes[name]));
        const list = Array.isArray(scopes) ? scopes.map(String).sort() : [];
        return list.length > 0 ? `${name}: ${list.join(" ")}` : name;
      })
      .sort()
      .join(" + "),
  );
  return { security: alternatives.sort(), securitySchemes: used };
}
