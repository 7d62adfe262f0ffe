import { DIMENSIONS } from './generalisation-lattice';
import type { LifePathRecord } from './life-path-record';

/**
 * The population grouped by its city and each dimension's finest value. Every coarser level of a
 * hierarchy is a function of its finest value (a quarter has one year, a five-year band one ten-year
 * band), so records of one finest class fall in one class at every node: a node's classes are
 * unions of finest classes and their sizes sums of the counts, and the search works on these few
 * classes instead of re-keying every record for each node. Values are coded as small integers, per
 * dimension and level, in order of first appearance.
 */
export interface FinestClasses {
  /** By record, in input order: its finest class. */
  classOf: number[];
  /** By finest class: its number of records. */
  counts: number[];
  /** By finest class: its city's code. */
  cities: number[];
  /** `[dimension][level][finest class]`: the code of the value released at that level. */
  codes: number[][][];
}

export function finestClasses(records: readonly LifePathRecord[]): FinestClasses {
  const index = new Map<string, number>();
  const classOf: number[] = [];
  const counts: number[] = [];
  const representatives: LifePathRecord[] = [];
  for (const record of records) {
    const key = JSON.stringify([record.city, ...DIMENSIONS.map(({ levels }) => levels[0]!.value(record))]);
    let finest = index.get(key);
    if (finest === undefined) {
      finest = counts.length;
      index.set(key, finest);
      counts.push(0);
      representatives.push(record);
    }
    counts[finest]! += 1;
    classOf.push(finest);
  }
  return {
    classOf,
    counts,
    cities: codesOf(representatives.map((r) => r.city)),
    codes: DIMENSIONS.map(({ levels }) => levels.map(({ value }) => codesOf(representatives.map(value)))),
  };
}

function codesOf(values: readonly (string | null)[]): number[] {
  const codes = new Map<string | null, number>();
  return values.map((v) => {
    if (!codes.has(v)) codes.set(v, codes.size);
    return codes.get(v)!;
  });
}
