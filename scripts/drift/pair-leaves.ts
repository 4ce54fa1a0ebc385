import { labelOf, leafConstants } from "./leaf-label.js";
import type { JsonObject } from "./model.js";

/** Two union branches judged to describe the same kind of value, or one branch without a partner. */
export interface LeafPair {
  label: string;
  upstream?: JsonObject;
  ours?: JsonObject;
}

interface Named {
  leaf: JsonObject;
  index: number;
  constants: Map<string, string>;
  label: string;
}

function named(leaves: JsonObject[]): Named[] {
  return leaves.map((leaf, index) => {
    const constants = leafConstants(leaf);
    return { leaf, index, constants, label: labelOf(constants, leaf) };
  });
}

/** Shared constants of two branches, or -1 when a constant conflicts (`use=sig` against `use=enc`). */
function affinity(a: Named, b: Named): number {
  if (a.constants.size === 0 && b.constants.size === 0) return a.label === b.label ? 1 : -1;
  let shared = 0;
  for (const [name, value] of a.constants) {
    const other = b.constants.get(name);
    if (other === undefined) continue;
    if (other !== value) return -1;
    shared++;
  }
  return shared > 0 ? shared : -1;
}

function unionLabel(a: Named, b: Named): string {
  return labelOf(new Map([...a.constants, ...b.constants]), a.leaf);
}

/**
 * Pairs upstream and our union branches by their constants, closest first, since the two documents name
 * their schemas differently; ties go to the branches in the closest positions. A pair is labelled by the union of both constant sets (`kty=RSA,use=sig`).
 */
export function pairLeaves(upstream: JsonObject[], ours: JsonObject[]): LeafPair[] {
  const left = named(upstream);
  const right = named(ours);
  const candidates = left.flatMap((a) => right.map((b) => ({ a, b, score: affinity(a, b) })));
  // Equal scores happen when one side leaves a constant out (Okta's signing keys say nothing about `use`):
  // the branch in the same position of the `oneOf` is then the better guess.
  const distance = (c: { a: Named; b: Named }) => Math.abs(c.a.index - c.b.index);
  candidates.sort(
    (x, y) =>
      y.score - x.score ||
      distance(x) - distance(y) ||
      (unionLabel(x.a, x.b) < unionLabel(y.a, y.b) ? -1 : 1),
  );
  const pairs: LeafPair[] = [];
  const taken = new Set<Named>();
  for (const { a, b, score } of candidates) {
    if (score < 0 || taken.has(a) || taken.has(b)) continue;
    taken.add(a).add(b);
    pairs.push({ label: unionLabel(a, b), upstream: a.leaf, ours: b.leaf });
  }
  for (const a of left) if (!taken.has(a)) pairs.push({ label: a.label, upstream: a.leaf });
  for (const b of right) if (!taken.has(b)) pairs.push({ label: b.label, ours: b.leaf });
  return pairs.sort((x, y) => (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
}
