import { addKey } from '../../outcomes/cell';
import { countsFromCounters, type OutcomeCounts } from '../../outcomes/outcome-counts';
import { keySumsFromRows, type SurvivalEntry, type SurvivalKeySums, type SurvivalTallies, talliesFromRows } from '../../outcomes/survival';

export interface MonthCounterRow {
  month: string;
  counter: string;
  value: number;
  keySum: number;
}

export interface MonthTallyRow extends SurvivalEntry {
  month: string;
  count: number;
  keySum: number;
}

export interface MonthStampRow {
  month: string;
  position: bigint;
  recordedAt: string;
}

/** A scope's figures at a month end, as the sums of its months' changes up to it. */
export interface MonthEndSums {
  counts: OutcomeCounts;
  counterKeys: ReadonlyMap<string, number>;
  tallies: SurvivalTallies;
  survivalKeys: SurvivalKeySums;
  /** The last event that changed a month up to it; undefined if none. */
  last: { position: bigint; recordedAt: string } | undefined;
}

type Sums = Map<string, { n: number; key: number }>;

/**
 * Running totals over a scope's month rows (each list in month order): `through` is asked for
 * months in ascending order, and each call adds the rows of the months since the last one.
 */
export class MonthSums {
  private readonly counters: Sums = new Map();
  private readonly tallies: Sums = new Map();
  private last: MonthEndSums['last'];
  private next = { counter: 0, tally: 0, stamp: 0 };

  constructor(
    private readonly counterRows: readonly MonthCounterRow[],
    private readonly tallyRows: readonly MonthTallyRow[],
    private readonly stampRows: readonly MonthStampRow[],
  ) {}

  through(month: string): MonthEndSums {
    for (; this.next.counter < this.counterRows.length && this.counterRows[this.next.counter]!.month <= month; this.next.counter++) {
      const { counter, value, keySum } = this.counterRows[this.next.counter]!;
      add(this.counters, counter, value, keySum);
    }
    for (; this.next.tally < this.tallyRows.length && this.tallyRows[this.next.tally]!.month <= month; this.next.tally++) {
      const { kind, key, count, keySum } = this.tallyRows[this.next.tally]!;
      add(this.tallies, `${kind}\t${key}`, count, keySum);
    }
    for (; this.next.stamp < this.stampRows.length && this.stampRows[this.next.stamp]!.month <= month; this.next.stamp++) {
      const { position, recordedAt } = this.stampRows[this.next.stamp]!;
      if (this.last === undefined || position > this.last.position) this.last = { position, recordedAt };
    }
    // A sum back to 0 has no contributor left: it is absent, as it is from the live tables.
    const counters = [...this.counters].filter(([, { n }]) => n !== 0);
    const tallies = [...this.tallies].filter(([, { n }]) => n !== 0).map(([entry, { n, key }]) => ({ ...entryOf(entry), count: n, keySum: key }));
    return {
      counts: countsFromCounters(counters.map(([counter, { n }]) => ({ counter, value: n }))),
      counterKeys: new Map(counters.map(([counter, { key }]) => [counter, key])),
      tallies: talliesFromRows(tallies),
      survivalKeys: keySumsFromRows(tallies),
      last: this.last,
    };
  }
}

function add(sums: Sums, name: string, n: number, key: number): void {
  const sum = sums.get(name) ?? { n: 0, key: 0 };
  sums.set(name, { n: sum.n + n, key: addKey(sum.key, key) });
}

const entryOf = (entry: string): SurvivalEntry => {
  const [kind, key] = entry.split('\t') as [SurvivalEntry['kind'], string];
  return { kind, key };
};
