import { describeTarget } from "../errors/error-text.js";
import { OktaError, type RequestTarget } from "../errors/okta-errors.js";
import { toJwkList } from "./jwk-list.js";
import type { Operation } from "./operations.js";

/** What each group's results are called in messages: one, and a list. */
const NOUNS = { jwks: ["key", "keys"], secrets: ["client secret", "client secrets"] } as const;

/**
 * An operation's 2xx body as the facade returns it, after a check cheap enough for every call: a list is an array
 * of objects that each have an `id`, a single result is such an object, and an operation documented as 204 returns
 * nothing whatever came. The fields are the caller's to read; the check only makes sure there is something to read.
 * @throws {OktaError} naming the call and the shape it expected, never quoting the body (it may hold secrets).
 */
export function checkResult(operation: Operation, data: unknown, target: () => RequestTarget): unknown {
  if (operation.success === 204) return undefined;
  const [group, method] = operation.name.split(".") as ["jwks" | "secrets", string];
  const [one, many] = NOUNS[group];
  if (method === "list") {
    const list = operation.name === "jwks.list" ? toJwkList(data) : data;
    if (Array.isArray(list) && list.every(hasId)) return list;
    throw new OktaError(`${answerTo(operation, target)} is not a list of ${many}, each with an id`);
  }
  if (hasId(data)) return data;
  throw new OktaError(`${answerTo(operation, target)} is not a ${one} with an id`);
}

function answerTo(operation: Operation, target: () => RequestTarget): string {
  return `Okta's answer to ${operation.name} (${describeTarget(target())})`;
}

function hasId(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { id } = value as { id?: unknown };
  return typeof id === "string" && id !== "";
}
