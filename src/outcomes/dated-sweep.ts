import type { Catalogue } from '../catalogue/catalogue';
import type { CalendarDate } from '../journey/domain/vocabulary';
import { addKey } from './cell';
import { countersOf, countsFromCounters, countsOf, type OutcomeCounts } from './outcome-counts';
import type { StoredFact } from './outcome-facts';
import { type Contribution, contributionAt } from './participant-contribution';
import { keySumsFromRows, type SurvivalEntry, survivalEntryOf, type SurvivalKeySums, type SurvivalTallies, talliesFromRows } from './survival';

/** One participant of a city as the sweep reads it: its stored facts and its record key. */
export interface SweptParticipant {
  facts: readonly StoredFact[];
  recordKey: number;
}

/** The figures of a scope as of one date, as a scan of its participants would give them. */
export interface DatedSums {
  asOf: CalendarDate;
  counts: OutcomeCounts;
  counterKeys: ReadonlyMap<string, number>;
  tallies: SurvivalTallies;
  survivalKeys: SurvivalKeySums;
  /** The last event dated on or before `asOf` among the participants counted then; undefined if none. */
  last: { position: bigint; recordedAt: string } | undefined;
}

/** Sums of contributions and of their record keys, by counter or survival entry. */
type Sums = Map<string, { n: number; key: number }>;

/**
 * A scope's figures as of each of `dates` (ascending), in one pass over its participants instead
 * of one per date. A participant's contribution changes only on the dates of its facts, so it is
 * computed once for each interval between two dates that holds one of its facts, and what changed
 * is added to that interval's sums; running totals over the intervals then give each date's
 * figures, the same as `contributionAt` summed over every participant on that date.
 */
export function datedSweep(
  participants: Iterable<SweptParticipant>,
  city: string,
  programme: string | null,
  dates: readonly CalendarDate[],
  exitClasses: Catalogue['exitClasses'],
): DatedSums[] {
  const counterDeltas: Sums[] = dates.map(() => new Map());
  const survivalDeltas: Sums[] = dates.map(() => new Map());
  const lastOf: (DatedSums['last'] | undefined)[] = dates.map(() => undefined);

  for (const { facts, recordKey } of participants) {
    const changes = [...new Set(facts.map((f) => firstOnOrAfter(dates, f.on)).filter((i) => i < dates.length))].sort((a, b) => a - b);
    let before: Contribution | null = null;
    changes.forEach((i, c) => {
      const asOf = dates[i]!;
      const found = contributionAt({ city, facts: facts as StoredFact[] }, asOf, exitClasses);
      const now = found && (programme === null || found.programme === programme) ? found : null;
      if (before) addContribution(counterDeltas[i]!, survivalDeltas[i]!, before, recordKey, -1);
      if (now) addContribution(counterDeltas[i]!, survivalDeltas[i]!, now, recordKey, 1);
      before = now;
      // Counted until its next change: its last event dated by then stamps every date in between.
      if (!now) return;
      const latest = facts.filter((f) => f.on <= asOf).reduce((a, b) => (BigInt(b.position) > BigInt(a.position) ? b : a));
      const stamp = { position: BigInt(latest.position), recordedAt: latest.recordedAt };
      for (let j = i; j < (changes[c + 1] ?? dates.length); j++) {
        if (lastOf[j] === undefined || stamp.position > lastOf[j]!.position) lastOf[j] = stamp;
      }
    });
  }

  const counters: Sums = new Map();
  const survival: Sums = new Map();
  return dates.map((asOf, i) => {
    addSums(counters, counterDeltas[i]!);
    addSums(survival, survivalDeltas[i]!);
    // A sum back to 0 has no contributor left: it is absent, as a scan would leave it.
    const counterRows = [...counters].filter(([, { n }]) => n !== 0).map(([counter, { n, key }]) => ({ counter, value: n, key }));
    const survivalRows = [...survival].filter(([, { n }]) => n !== 0).map(([entry, { n, key }]) => ({ ...entryOf(entry), count: n, keySum: key }));
    return {
      asOf,
      counts: countsFromCounters(counterRows),
      counterKeys: new Map(counterRows.map(({ counter, key }) => [counter, key])),
      tallies: talliesFromRows(survivalRows),
      survivalKeys: keySumsFromRows(survivalRows),
      last: lastOf[i],
    };
  });
}

function addContribution(counters: Sums, survival: Sums, c: Contribution, recordKey: number, sign: 1 | -1): void {
  for (const { counter, value } of countersOf(countsOf(c))) if (value !== 0) add(counters, counter, sign * value, recordKey);
  const { kind, key } = survivalEntryOf(c);
  add(survival, `${kind}\t${key}`, sign, recordKey);
}

function add(sums: Sums, name: string, times: number, recordKey: number): void {
  const sum = sums.get(name) ?? { n: 0, key: 0 };
  sums.set(name, { n: sum.n + times, key: addKey(sum.key, recordKey, times) });
}

function addSums(into: Sums, deltas: Sums): void {
  for (const [name, { n, key }] of deltas) {
    const sum = into.get(name) ?? { n: 0, key: 0 };
    into.set(name, { n: sum.n + n, key: addKey(sum.key, key) });
  }
}

const entryOf = (entry: string): SurvivalEntry => {
  const [kind, key] = entry.split('\t') as [SurvivalEntry['kind'], string];
  return { kind, key };
};

/** The index of the first date on or after `day`; dates.length when none is. */
function firstOnOrAfter(dates: readonly CalendarDate[], day: CalendarDate): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (dates[mid]! < day) low = mid + 1;
    else high = mid;
  }
  return low;
}
