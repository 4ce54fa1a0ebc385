import { withCallSignal } from "./call-signal.js";
import { checkNewJwk } from "./check-new-jwk.js";
import { checkNewSecret } from "./check-new-secret.js";
import { checkResult } from "./check-result.js";
import { checkId, type IdName } from "./ids.js";
import { OPERATIONS, type Operation, type OperationName } from "./operations.js";
import type { OktaRawClient } from "./raw-client.js";
import { toTarget } from "./target.js";
import { checkCallOptions, type FetchResult, unwrap } from "./unwrap.js";

/** How each operation's body is checked before it is sent. */
const CHECK_BODY: Partial<Record<OperationName, (body: unknown) => unknown>> = {
  "jwks.add": checkNewJwk,
  "secrets.create": checkNewSecret,
};

type Method = (...args: unknown[]) => Promise<unknown>;

/**
 * The facade methods of one group (`jwks` or `secrets`), made from the operations table: each takes the path ids
 * in the order of its path, then its body if it has one, then per-call options; checks them all before any
 * request; and resolves to the operation's result, once its shape is checked, or throws a typed error.
 */
export function bindOperations(
  group: "jwks" | "secrets",
  raw: OktaRawClient,
  origin: string,
): Record<string, Method> {
  const request = raw.request as unknown as (
    method: string,
    path: string,
    init: object,
  ) => Promise<FetchResult>;
  const methods: Record<string, Method> = {};
  for (const operation of OPERATIONS) {
    const [owner, name] = operation.name.split(".") as [string, string];
    if (owner === group) methods[name] = bindOperation(operation, request, origin);
  }
  return methods;
}

function bindOperation(
  operation: Operation,
  request: (method: string, path: string, init: object) => Promise<FetchResult>,
  origin: string,
): Method {
  const idNames = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as IdName);
  const takesBody = operation.body !== "none";
  const { method, path } = operation;
  return async (...args) => {
    const ids = Object.fromEntries(idNames.map((name, index) => [name, checkId(name, args[index])]));
    const body = takesBody ? CHECK_BODY[operation.name as OperationName]?.(args[idNames.length]) : undefined;
    const signal = checkCallOptions(args[idNames.length + (takesBody ? 1 : 0)]);
    const target = () => toTarget(origin, method, path, ids);
    const { data } = await withCallSignal(signal, (own) =>
      unwrap(
        target,
        signal,
        () => request(method, path, { params: { path: ids }, body, signal: own }),
        secretsIn(body),
      ),
    );
    return checkResult(operation, data, target);
  };
}

/** What a request body carries that no error may repeat: a client secret the caller supplied. */
function secretsIn(body: unknown): string[] {
  const secret = (body as { client_secret?: unknown } | undefined)?.client_secret;
  return typeof secret === "string" ? [secret] : [];
}
