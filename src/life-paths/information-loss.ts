import { DIMENSIONS } from './generalisation-lattice';
import type { LifePathRecord } from './life-path-record';

/** The metric's name, as the release reports it. */
export const LOSS_METRIC = 'GENERALISED_INFORMATION_LOSS';

/**
 * Generalised information loss (Iyengar 2002, "Transforming data to satisfy privacy constraints";
 * ARX's "Loss"), per cell: a value generalised to cover c of the D finest values the population
 * holds for that quasi-identifier loses (c − 1) / (D − 1); 0 when D = 1. Kept as whole numbers,
 * c − 1 by `[dimension][level][record]` over D − 1 by dimension, so that sums do not depend on the
 * records' order.
 */
export interface CellLosses {
  numerators: number[][][];
  denominators: number[];
}

export function cellLosses(records: readonly LifePathRecord[]): CellLosses {
  const denominators: number[] = [];
  const numerators = DIMENSIONS.map(({ levels }) => {
    const finest = records.map(levels[0]!.value);
    denominators.push(new Set(finest).size - 1);
    return levels.map(({ value }) => {
      const released = records.map(value);
      const covered = new Map<string | null, Set<string | null>>();
      released.forEach((v, i) => covered.set(v, (covered.get(v) ?? new Set()).add(finest[i]!)));
      return released.map((v) => covered.get(v)!.size - 1);
    });
  });
  return { numerators, denominators };
}

/**
 * The loss of a whole release, in [0, 1]: the mean over records and generalisable quasi-identifiers
 * of the cells' loss, a suppressed record losing 1 on each (as in ARX, a suppressed record is
 * generalised to the top). `levels` is the node's level per dimension.
 */
export function releaseLoss({ numerators, denominators }: CellLosses, levels: readonly number[], suppressed: readonly boolean[]): number {
  const count = suppressed.length;
  if (count === 0) return 0;
  let total = 0;
  numerators.forEach((byLevel, d) => {
    const denominator = denominators[d]!;
    if (denominator === 0) return (total += suppressed.filter(Boolean).length);
    let sum = 0;
    byLevel[levels[d]!]!.forEach((numerator, i) => (sum += suppressed[i] ? denominator : numerator));
    total += sum / denominator;
  });
  return total / (count * numerators.length);
}
