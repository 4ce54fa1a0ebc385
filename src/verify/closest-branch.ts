import type { OutputUnit } from "@cfworker/json-schema";

// Keywords that only say "something below failed"; the errors under them say what.
const WRAPPERS = new Set(["$ref", "properties", "items", "prefixItems", "allOf", "anyOf", "oneOf", "false"]);

/**
 * The errors worth reporting from a validator's full output: for each `oneOf` that matched no branch, only the
 * errors of its closest branch (the one with the fewest), and of those only the leaves. A key that is an EC
 * signing key with one wrong field then reads as that field, not as every way it is not an RSA key.
 */
export function closestBranchErrors(errors: readonly OutputUnit[]): OutputUnit[] {
  let kept = [...errors];
  for (const union of errors.filter((error) => error.keyword === "oneOf")) {
    const prefix = `${union.keywordLocation}/`;
    const inside = (error: OutputUnit) =>
      error.keywordLocation.startsWith(prefix) &&
      (error.instanceLocation === union.instanceLocation ||
        error.instanceLocation.startsWith(`${union.instanceLocation}/`));
    const branchOf = (error: OutputUnit) => error.keywordLocation.slice(prefix.length).split("/")[0];
    const counts = new Map<string | undefined, number>();
    for (const error of kept.filter(inside))
      counts.set(branchOf(error), (counts.get(branchOf(error)) ?? 0) + 1);
    const closest = [...counts].sort((a, b) => a[1] - b[1])[0]?.[0];
    kept = kept.filter((error) => !inside(error) || branchOf(error) === closest);
  }
  const leaves = kept.filter((error) => !WRAPPERS.has(error.keyword));
  return leaves.length > 0 ? leaves : kept.slice(0, 1);
}
