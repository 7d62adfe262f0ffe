import { DIMENSIONS, type LatticeNode, allNodes } from './generalisation-lattice';
import { type CellLosses, cellLosses, releaseLoss } from './information-loss';
import type { LifePathRecord } from './life-path-record';

/** At most this share of the records may be suppressed for a node to be admissible (ARX's suppression limit). */
export const SUPPRESSION_LIMIT = 0.05;

/** A lattice node applied to a population: global recoding, then suppression of the classes smaller than k. */
export interface NodeOutcome {
  node: LatticeNode;
  /** By record, in input order. */
  suppressed: boolean[];
  suppressedCount: number;
  loss: number;
  /** At most SUPPRESSION_LIMIT of the records suppressed. */
  admissible: boolean;
}

/**
 * The node to release, found by applying every node of the lattice to `records` (brute force:
 * 144 nodes, each one pass over the records): among admissible nodes the least loss, then the
 * fewest suppressed, then the least levels in the order of DIMENSIONS (programme kept before
 * education level, and so on). When no node is admissible (a population too small or too
 * scattered for k), the fewest suppressed first, then the same rules.
 */
export function leastLossNode(records: readonly LifePathRecord[], k: number): NodeOutcome {
  const cells = cellLosses(records);
  const values = DIMENSIONS.map(({ levels }) => levels.map(({ value }) => records.map(value)));
  const all = allNodes().map((node) => outcomeOf(records, node, k, values, cells));
  const admissible = all.filter((o) => o.admissible);
  return (admissible.length > 0 ? admissible : all).reduce((best, o) => (better(o, best, admissible.length === 0) ? o : best));
}

function outcomeOf(
  records: readonly LifePathRecord[],
  node: LatticeNode,
  k: number,
  values: (string | null)[][][],
  cells: CellLosses,
): NodeOutcome {
  const keys = records.map((r, i) => JSON.stringify([r.city, ...values.map((byLevel, d) => byLevel[node[d]!]![i])]));
  const sizes = new Map<string, number>();
  for (const key of keys) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  const suppressed = keys.map((key) => sizes.get(key)! < k);
  const suppressedCount = suppressed.filter(Boolean).length;
  return {
    node,
    suppressed,
    suppressedCount,
    loss: releaseLoss(cells, node, suppressed),
    admissible: suppressedCount <= SUPPRESSION_LIMIT * records.length,
  };
}

/** Two nodes' losses are sums of different fractions: closer than this, they are equal. */
const SAME_LOSS = 1e-9;

function better(a: NodeOutcome, b: NodeOutcome, suppressionFirst: boolean): boolean {
  if (suppressionFirst && a.suppressedCount !== b.suppressedCount) return a.suppressedCount < b.suppressedCount;
  if (Math.abs(a.loss - b.loss) > SAME_LOSS) return a.loss < b.loss;
  if (a.suppressedCount !== b.suppressedCount) return a.suppressedCount < b.suppressedCount;
  const differs = a.node.findIndex((level, d) => level !== b.node[d]);
  return differs !== -1 && a.node[differs]! < b.node[differs]!;
}
