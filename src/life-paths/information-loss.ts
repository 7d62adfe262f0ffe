import type { FinestClasses } from './finest-classes';

/** The metric's name, as the release reports it. */
export const LOSS_METRIC = 'GENERALISED_INFORMATION_LOSS';

/**
 * Generalised information loss (Iyengar 2002, "Transforming data to satisfy privacy constraints";
 * ARX's "Loss"), per cell: a value generalised to cover c of the D finest values the population
 * holds for that quasi-identifier loses (c − 1) / (D − 1); 0 when D = 1. Kept as whole numbers,
 * c − 1 by `[dimension][level][finest class]` over D − 1 by dimension, so that sums are exact and
 * do not depend on the records' order nor on their grouping into finest classes.
 */
export interface CellLosses {
  numerators: number[][][];
  denominators: number[];
}

export function cellLosses({ codes }: FinestClasses): CellLosses {
  const denominators: number[] = [];
  const numerators = codes.map((byLevel) => {
    const finest = byLevel[0]!;
    denominators.push(new Set(finest).size - 1);
    return byLevel.map((released) => {
      const covered = new Map<number, Set<number>>();
      released.forEach((v, c) => covered.set(v, (covered.get(v) ?? new Set()).add(finest[c]!)));
      return released.map((v) => covered.get(v)!.size - 1);
    });
  });
  return { numerators, denominators };
}

/**
 * The loss of a whole release, in [0, 1]: the mean over records and generalisable quasi-identifiers
 * of the cells' loss, a suppressed record losing 1 on each (as in ARX, a suppressed record is
 * generalised to the top). `levels` is the node's level per dimension; `counts` and `suppressed`
 * are by finest class.
 */
export function releaseLoss(
  { numerators, denominators }: CellLosses,
  levels: readonly number[],
  counts: readonly number[],
  suppressed: Uint8Array,
): number {
  let count = 0;
  let suppressedCount = 0;
  counts.forEach((n, c) => {
    count += n;
    if (suppressed[c]) suppressedCount += n;
  });
  if (count === 0) return 0;
  let total = 0;
  numerators.forEach((byLevel, d) => {
    const denominator = denominators[d]!;
    if (denominator === 0) return (total += suppressedCount);
    let sum = 0;
    byLevel[levels[d]!]!.forEach((numerator, c) => (sum += counts[c]! * (suppressed[c] ? denominator : numerator)));
    total += sum / denominator;
  });
  return total / (count * numerators.length);
}
