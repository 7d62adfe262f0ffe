import { type FinestClasses, finestClasses } from './finest-classes';
import { DIMENSIONS, type LatticeNode } from './generalisation-lattice';
import { type CellLosses, cellLosses, releaseLoss } from './information-loss';
import type { LifePathRecord } from './life-path-record';

/** At most this share of the records may be suppressed for a node to be admissible (ARX's suppression limit). */
export const SUPPRESSION_LIMIT = 0.05;

/** A lattice node applied to a population: global recoding, then suppression of the classes smaller than k. */
export interface NodeOutcome {
  node: LatticeNode;
  /** Whether a record of the population is suppressed: looked up from its finest class, so that the records need not be kept. */
  isSuppressed: (record: LifePathRecord) => boolean;
  suppressedCount: number;
  loss: number;
  /** At most SUPPRESSION_LIMIT of the records suppressed. */
  admissible: boolean;
}

/** A node's outcome on the finest classes, by class. */
type Evaluation = Omit<NodeOutcome, 'isSuppressed'> & { suppressedClasses: Uint8Array };

/**
 * The node to release, found by applying every node of the lattice (144) to `records`: among
 * admissible nodes the least loss, then the fewest suppressed, then the least levels in the order
 * of DIMENSIONS (programme kept before education level, and so on). When no node is admissible (a
 * population too small or too scattered for k), the fewest suppressed first, then the same rules.
 * `records` is read once, one record at a time (finest-classes.ts).
 */
export function leastLossNode(records: Iterable<LifePathRecord>, k: number): NodeOutcome {
  return leastLossNodeOf(finestClasses(records), k);
}

/** leastLossNode, from the population's finest classes counted already (finestClassCounter). */
export function leastLossNodeOf(classes: FinestClasses, k: number): NodeOutcome {
  return toTheEnd(leastLossNodeSteps(classes, k));
}

/**
 * leastLossNodeOf a node at a time: yields after each node it evaluates, so that a caller may let
 * other work run in between (life-paths.reader.ts). At a million participants the finest classes
 * are some ten thousand, and the whole lattice a few hundred milliseconds of work.
 */
export function* leastLossNodeSteps(classes: FinestClasses, k: number): Generator<void, NodeOutcome> {
  const evaluations = yield* evaluateLattice(classes, k);
  const admissible = evaluations.filter((e) => e.admissible);
  const best = (admissible.length > 0 ? admissible : evaluations).reduce((b, e) => (better(e, b, admissible.length === 0) ? e : b));
  return withLookup(best, classes);
}

/** Every node's outcome, in the order of allNodes(): what leastLossNode chooses from. */
export function nodeOutcomes(records: Iterable<LifePathRecord>, k: number): NodeOutcome[] {
  const classes = finestClasses(records);
  return toTheEnd(evaluateLattice(classes, k)).map((e) => withLookup(e, classes));
}

function toTheEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Walks the lattice depth first, dimension by dimension, so that nodes sharing their first levels
 * share the grouping of the finest classes by those levels: a node's classes are then one more
 * refinement of its parent's, over the finest classes rather than the records. Yields after each node.
 */
function* evaluateLattice(classes: FinestClasses, k: number): Generator<void, Evaluation[]> {
  const recordCount = classes.counts.reduce((sum, n) => sum + n, 0);
  const cells = cellLosses(classes);
  const evaluations: Evaluation[] = [];
  function* descend(node: number[], groups: number[]): Generator<void> {
    const d = node.length;
    if (d === DIMENSIONS.length) {
      evaluations.push(evaluate(node, groups, classes, cells, k, recordCount));
      return yield;
    }
    for (const [level, codes] of classes.codes[d]!.entries()) yield* descend([...node, level], refine(groups, codes));
  }
  yield* descend([], classes.cities);
  return evaluations;
}

/** Splits each group of finest classes by one more released value: the new group of each finest class. */
function refine(groups: readonly number[], codes: readonly number[]): number[] {
  // Groups and codes are both fewer than the finest classes, so the pair fits one safe integer.
  const radix = groups.length;
  const ids = new Map<number, number>();
  return groups.map((group, c) => {
    const pair = group * radix + codes[c]!;
    let id = ids.get(pair);
    if (id === undefined) ids.set(pair, (id = ids.size));
    return id;
  });
}

function evaluate(node: LatticeNode, groups: readonly number[], classes: FinestClasses, cells: CellLosses, k: number, recordCount: number): Evaluation {
  const { counts } = classes;
  const sizes = new Array<number>(groups.length).fill(0);
  groups.forEach((group, c) => (sizes[group]! += counts[c]!));
  const suppressedClasses = new Uint8Array(groups.length);
  let suppressedCount = 0;
  groups.forEach((group, c) => {
    if (sizes[group]! >= k) return;
    suppressedClasses[c] = 1;
    suppressedCount += counts[c]!;
  });
  return {
    node,
    suppressedClasses,
    suppressedCount,
    loss: releaseLoss(cells, node, counts, suppressedClasses),
    admissible: suppressedCount <= SUPPRESSION_LIMIT * recordCount,
  };
}

function withLookup({ suppressedClasses, ...evaluation }: Evaluation, { classOf }: FinestClasses): NodeOutcome {
  return { ...evaluation, isSuppressed: (record) => suppressedClasses[classOf(record)] === 1 };
}

/** Two nodes' losses are sums of different fractions: closer than this, they are equal. */
const SAME_LOSS = 1e-9;

function better(a: Evaluation, b: Evaluation, suppressionFirst: boolean): boolean {
  if (suppressionFirst && a.suppressedCount !== b.suppressedCount) return a.suppressedCount < b.suppressedCount;
  if (Math.abs(a.loss - b.loss) > SAME_LOSS) return a.loss < b.loss;
  if (a.suppressedCount !== b.suppressedCount) return a.suppressedCount < b.suppressedCount;
  const differs = a.node.findIndex((level, d) => level !== b.node[d]);
  return differs !== -1 && a.node[differs]! < b.node[differs]!;
}
