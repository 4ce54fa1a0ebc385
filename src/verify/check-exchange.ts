import { Validator } from "@cfworker/json-schema";
import { SPEC_DEFS, SPEC_RESPONSES, type SpecResponse } from "../../generated/spec-responses.js";
import { closestBranchErrors } from "./closest-branch.js";

/** One request and Okta's answer to it, as `verify` saw it. */
export interface Exchange {
  /** Okta's operationId, such as `listJwk`. */
  readonly operationId: string;
  readonly method: string;
  /** The path as sent, ids included. */
  readonly path: string;
  readonly status: number;
  readonly headers: Headers;
  /** The body's text; empty for none. */
  readonly text: string;
  /** The body parsed as JSON, or `undefined` when it is empty or not JSON. */
  readonly body: unknown;
}

/** One way an answer differs from the curated spec. */
export interface VerifyDeviation {
  /** Okta's operationId, such as `listJwk`. */
  readonly operationId: string;
  /** `GET /api/v1/apps/0oa…/credentials/jwks` */
  readonly request: string;
  /** Okta's `X-Okta-Request-Id` of the answer, to quote to Okta support. */
  readonly requestId: string | null;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** Which part differs. */
  readonly part: "status" | "header" | "body";
  /** Where: a header name, or a JSON pointer into the body such as `#/0/status`. */
  readonly at: string;
  /** What differs, in the validator's words (never quoting a string value). */
  readonly message: string;
}

const validators = new Map<object, Validator>();

function validatorFor(schema: object): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    validator = new Validator({ $defs: SPEC_DEFS, ...schema }, "2020-12", false);
    validators.set(schema, validator);
  }
  return validator;
}

/**
 * Checks one answer's status, headers and body against the curated spec's response for its operation. An
 * undocumented 5xx is no deviation: the call failed, and its step says so.
 */
export function checkExchange(exchange: Exchange): VerifyDeviation[] {
  const { operationId, method, path, status, headers } = exchange;
  const base = {
    operationId,
    request: `${method} ${path}`,
    status,
    requestId: headers.get("X-Okta-Request-Id"),
  };
  const deviation = (part: VerifyDeviation["part"], at: string, message: string) => ({
    ...base,
    part,
    at,
    message,
  });
  const documented = SPEC_RESPONSES[operationId] ?? {};
  const spec = documented[String(status)];
  // A 5xx is an outage, not an answer the spec describes: the step it failed reports it. An undocumented 4xx is.
  if (!spec && status >= 500) return [];
  if (!spec) {
    return [
      deviation(
        "status",
        "status",
        `${status} is not documented (documented: ${Object.keys(documented).join(", ")})`,
      ),
    ];
  }
  return [
    ...checkHeaders(spec, headers).map(([name, message]) => deviation("header", name, message)),
    ...checkBody(spec, exchange).map(([at, message]) => deviation("body", at, message)),
  ];
}

function checkHeaders(spec: SpecResponse, headers: Headers): [string, string][] {
  const found: [string, string][] = [];
  for (const [name, { required, schema }] of Object.entries(spec.headers)) {
    const value = headers.get(name);
    if (value === null) {
      if (required) found.push([name, "missing"]);
      continue;
    }
    const numeric = "type" in schema && (schema.type === "integer" || schema.type === "number");
    // A header sent twice arrives comma-joined: each value must fit.
    for (const part of value.split(",").map((item) => item.trim())) {
      const instance = numeric && /^-?\d+(\.\d+)?$/.test(part) ? Number(part) : part;
      for (const error of closestBranchErrors(validatorFor(schema).validate(instance).errors)) {
        found.push([name, error.error]);
      }
    }
  }
  return found;
}

function checkBody(spec: SpecResponse, { text, body }: Exchange): [string, string][] {
  if (spec.body === null) return text.trim() === "" ? [] : [["#", "a body where the spec declares none"]];
  if (body === undefined) {
    return [["#", text.trim() === "" ? "no body where the spec declares one" : "the body is not JSON"]];
  }
  const { errors } = validatorFor(spec.body).validate(body);
  return closestBranchErrors(errors).map((error) => [error.instanceLocation, error.error]);
}
