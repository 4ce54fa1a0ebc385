import type { Difference, Json, OperationModel } from "./model.js";
import { canonical, isJsonObject } from "./model.js";
import { pairLeaves } from "./pair-leaves.js";

type Emit = (difference: Omit<Difference, "op">) => void;

function diffNodes(upstream: Json | undefined, ours: Json | undefined, path: string[], emit: Emit): void {
  const at = path.join(".");
  if (upstream === undefined || ours === undefined) {
    if (upstream !== undefined) emit({ at, change: "only-upstream", upstream });
    if (ours !== undefined) emit({ at, change: "only-ours", ours });
    return;
  }
  if (isJsonObject(upstream) && isJsonObject(ours)) {
    const keys = [...new Set([...Object.keys(upstream), ...Object.keys(ours)])].sort();
    for (const key of keys) {
      const [u, o] = [upstream[key], ours[key]];
      if (key === "oneOf" && Array.isArray(u) && Array.isArray(o)) diffLeaves(u, o, path, emit);
      else diffNodes(u, o, [...path, key], emit);
    }
    return;
  }
  if (canonical(upstream) !== canonical(ours)) emit({ at, change: "differs", upstream, ours });
}

function diffLeaves(upstream: Json[], ours: Json[], path: string[], emit: Emit): void {
  for (const pair of pairLeaves(upstream.filter(isJsonObject), ours.filter(isJsonObject))) {
    diffNodes(pair.upstream, pair.ours, [...path, `oneOf[${pair.label}]`], emit);
  }
}

/** Every structural difference between upstream's operations and ours, operation by operation. */
export function diffOperations(upstream: OperationModel[], ours: OperationModel[]): Difference[] {
  const differences: Difference[] = [];
  const oursByKey = new Map(ours.map((operation) => [operation.key, operation]));
  const upstreamKeys = new Set(upstream.map((operation) => operation.key));
  for (const operation of upstream) {
    const mine = oursByKey.get(operation.key);
    const op = mine?.operationId ?? operation.operationId;
    const emit: Emit = (difference) => differences.push({ op, ...difference });
    if (mine) diffNodes(operation.body, mine.body, [], emit);
    else emit({ at: "operation", change: "only-upstream", upstream: operation.title });
  }
  for (const operation of ours) {
    if (upstreamKeys.has(operation.key)) continue;
    differences.push({
      op: operation.operationId,
      at: "operation",
      change: "only-ours",
      ours: operation.title,
    });
  }
  return differences;
}
