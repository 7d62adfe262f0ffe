import { DIMENSIONS } from './generalisation-lattice';
import type { LifePathRecord } from './life-path-record';

/**
 * The population grouped by its city and each dimension's finest value. Every coarser level of a
 * hierarchy is a function of its finest value (a quarter has one year, a five-year band one ten-year
 * band), so records of one finest class fall in one class at every node: a node's classes are
 * unions of finest classes and their sizes sums of the counts, and the search works on these few
 * classes instead of re-keying every record for each node. Values are coded as small integers, per
 * dimension and level, in order of first appearance.
 * Built in one pass that keeps nothing of a record but its class's count, so that the population
 * can be streamed from the read model whatever its size: a record's class is found again from its
 * values (`classOf`) when it is read a second time.
 */
export interface FinestClasses {
  /** The finest class of a record of the population. */
  classOf: (record: LifePathRecord) => number;
  /** By finest class: its number of records. */
  counts: number[];
  /** By finest class: its city's code. */
  cities: number[];
  /** `[dimension][level][finest class]`: the code of the value released at that level. */
  codes: number[][][];
}

export function finestClasses(records: Iterable<LifePathRecord>): FinestClasses {
  const counting = finestClassCounter();
  for (const record of records) counting.add(record);
  return counting.classes();
}

/**
 * finestClasses one record at a time, for a caller that reads the population in slices between
 * which it lets other work run (life-paths.reader.ts).
 */
export function finestClassCounter(): { add: (record: LifePathRecord) => number; classes: () => FinestClasses } {
  const index = new Map<string, number>();
  const counts: number[] = [];
  const cities: (string | null)[] = [];
  // `[dimension][level][finest class]`: the value released, of the class's first record.
  const values = DIMENSIONS.map(({ levels }) => levels.map((): (string | null)[] => []));
  /** Counts the record; answers its finest class. */
  const add = (record: LifePathRecord): number => {
    const key = keyOf(record);
    let finest = index.get(key);
    if (finest === undefined) {
      finest = counts.length;
      index.set(key, finest);
      counts.push(0);
      cities.push(record.city);
      DIMENSIONS.forEach(({ levels }, d) => levels.forEach(({ value }, level) => values[d]![level]!.push(value(record))));
    }
    counts[finest]! += 1;
    return finest;
  };
  const classes = (): FinestClasses => ({
    classOf: (record) => {
      const finest = index.get(keyOf(record));
      // A record read again from another state of the read model than the one counted: the search's
      // figures would not be of the population released.
      if (finest === undefined) throw new Error(`A record of no finest class of the population: ${record.participantId}`);
      return finest;
    },
    counts,
    cities: codesOf(cities),
    codes: values.map((byLevel) => byLevel.map(codesOf)),
  });
  return { add, classes };
}

const keyOf = (record: LifePathRecord): string => JSON.stringify([record.city, ...DIMENSIONS.map(({ levels }) => levels[0]!.value(record))]);

function codesOf(values: readonly (string | null)[]): number[] {
  const codes = new Map<string | null, number>();
  return values.map((v) => {
    if (!codes.has(v)) codes.set(v, codes.size);
    return codes.get(v)!;
  });
}
