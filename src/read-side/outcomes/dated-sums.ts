import { addKey } from '../../outcomes/cell';
import { countsFromCounters, type OutcomeCounts } from '../../outcomes/outcome-counts';
import { keySumsFromRows, type SurvivalEntry, type SurvivalKeySums, type SurvivalTallies, talliesFromRows } from '../../outcomes/survival';

/**
 * A row of the dated tables (outcome-dated-tables.ts): `period` is a month ('YYYY-MM') or a day
 * ('YYYY-MM-DD'); as strings, a month sorts before its days, and its days before the next month.
 */
export interface DatedCounterRow {
  period: string;
  counter: string;
  value: number;
  keySum: number;
}

export interface DatedTallyRow extends SurvivalEntry {
  period: string;
  count: number;
  keySum: number;
}

export interface DatedStampRow {
  period: string;
  position: bigint;
  recordedAt: string;
}

/** A scope's figures on a date, as the sums of the changes of the periods up to it. */
export interface DatedFigures {
  counts: OutcomeCounts;
  counterKeys: ReadonlyMap<string, number>;
  tallies: SurvivalTallies;
  survivalKeys: SurvivalKeySums;
  /** The last event that changed a period up to it; undefined if none. */
  last: { position: bigint; recordedAt: string } | undefined;
}

type Sums = Map<string, { n: number; key: number }>;

/**
 * Running totals over a scope's dated rows (each list in period order): `through` is asked for
 * periods in ascending order, and each call adds the rows of the periods since the last one.
 */
export class DatedSums {
  private readonly counters: Sums = new Map();
  private readonly tallies: Sums = new Map();
  private last: DatedFigures['last'];
  private next = { counter: 0, tally: 0, stamp: 0 };

  constructor(
    private readonly counterRows: readonly DatedCounterRow[],
    private readonly tallyRows: readonly DatedTallyRow[],
    private readonly stampRows: readonly DatedStampRow[],
  ) {}

  through(period: string): DatedFigures {
    this.advance(period);
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

  /** Adds the rows of the periods up to `period`, without the figures. */
  advance(period: string): void {
    for (; this.next.counter < this.counterRows.length && this.counterRows[this.next.counter]!.period <= period; this.next.counter++) {
      const { counter, value, keySum } = this.counterRows[this.next.counter]!;
      add(this.counters, counter, value, keySum);
    }
    for (; this.next.tally < this.tallyRows.length && this.tallyRows[this.next.tally]!.period <= period; this.next.tally++) {
      const { kind, key, count, keySum } = this.tallyRows[this.next.tally]!;
      add(this.tallies, `${kind}\t${key}`, count, keySum);
    }
    for (; this.next.stamp < this.stampRows.length && this.stampRows[this.next.stamp]!.period <= period; this.next.stamp++) {
      const { position, recordedAt } = this.stampRows[this.next.stamp]!;
      if (this.last === undefined || position > this.last.position) this.last = { position, recordedAt };
    }
  }

  /**
   * The same totals going on with rows of later periods, these totals left as they are: figures
   * on days of a month start from the totals of the months before it, summed once.
   */
  continuedWith(counterRows: readonly DatedCounterRow[], tallyRows: readonly DatedTallyRow[], stampRows: readonly DatedStampRow[]): DatedSums {
    const continued = new DatedSums(counterRows, tallyRows, stampRows);
    // add() replaces a total rather than changing it: the copies share no total that either changes.
    for (const [name, sum] of this.counters) continued.counters.set(name, sum);
    for (const [entry, sum] of this.tallies) continued.tallies.set(entry, sum);
    continued.last = this.last;
    return continued;
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
