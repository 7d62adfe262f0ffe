import type { CalendarDate } from '../journey/domain/vocabulary';
import { daysBetween } from './calendar-days';
import { addCells, addKey, type Cell, EMPTY_CELL, exactly, type Publish } from './cell';
import type { KeyedContribution } from './counter-keys';
import { scopeChanges } from './outcome-scopes';
import type { Contribution } from './participant-contribution';

/**
 * Time to outcome as histograms, so that a live curve costs the number of distinct durations (a few
 * hundred days at most), not the number of participants. Participants still searching cannot be
 * kept as a duration, which grows every day: they are kept by first-enrolment date instead and
 * censored at the asked date when the curve is computed.
 */
export interface SurvivalTallies {
  /** Days from first enrolment to first job or self-employment → participants. */
  outcomeDays: Map<number, number>;
  /** Days from first enrolment to the exit, for those who left without an outcome → participants. */
  censoredDays: Map<number, number>;
  /** First-enrolment date of those still active without an outcome → participants. */
  activeSince: Map<CalendarDate, number>;
}

/** The same tallies' key sums: each participant's record key summed where it is counted, mod 2^32. */
export type SurvivalKeySums = SurvivalTallies;

/** How a curve is published: exactly, or each count perturbed with the key sum of its participants. */
export interface SurvivalDisclosure {
  keySums: SurvivalKeySums;
  publish: Publish;
  /** Days grouped into bins this long (researchers): a point's day is then its bin's end. */
  binDays?: number;
}

/** Researchers' bins: with a few at risk, an exact day would be one person's exact time to outcome. */
export const RESEARCH_BIN_DAYS = 30;

/**
 * Cells regrouped by bin: days 0 to binDays − 1 end at day binDays, and so on. Those censored in a
 * bin stay at risk for its events, as those censored on a day do for that day's.
 */
function binned(cells: Map<number, Cell>, binDays: number): Map<number, Cell> {
  const bins = new Map<number, Cell>();
  for (const [day, cell] of cells) {
    const end = (Math.floor(day / binDays) + 1) * binDays;
    bins.set(end, addCells(bins.get(end) ?? EMPTY_CELL, cell));
  }
  return bins;
}

export type SurvivalKind = 'outcome' | 'censored' | 'activeSince';

/** Where one participant sits in the tallies; `key` is a day count, or a date for 'activeSince'. */
export interface SurvivalEntry {
  kind: SurvivalKind;
  key: string;
}

/** A change to add to one stored tally. */
export interface SurvivalDelta extends SurvivalEntry {
  scope: string;
  delta: number;
}

export interface SurvivalPoint {
  day: number;
  stillSearching: number;
  atRisk: number;
  events: number;
}

export interface SurvivalEstimate {
  participants: number;
  events: number;
  censored: number;
  medianDays: number | null;
  points: SurvivalPoint[];
}

export function survivalEntryOf(c: Contribution): SurvivalEntry {
  if (c.outcomeOn !== null) return { kind: 'outcome', key: String(daysBetween(c.firstEnrolledOn, c.outcomeOn)) };
  if (c.censoredOn !== null) return { kind: 'censored', key: String(daysBetween(c.firstEnrolledOn, c.censoredOn)) };
  return { kind: 'activeSince', key: c.firstEnrolledOn };
}

/** What to add to the stored tallies when a contribution changes; same scopes as the counters. */
export function survivalDeltas(city: string, before: Contribution | null, after: Contribution | null): SurvivalDelta[] {
  return scopeChanges(city, before, after).flatMap(({ scope, before: b, after: a }) => {
    const out = b ? survivalEntryOf(b) : null;
    const into = a ? survivalEntryOf(a) : null;
    if (out && into && out.kind === into.kind && out.key === into.key) return [];
    return [
      ...(out ? [{ scope, ...out, delta: -1 }] : []),
      ...(into ? [{ scope, ...into, delta: 1 }] : []),
    ];
  });
}

export const emptyTallies = (): SurvivalTallies => ({
  outcomeDays: new Map(),
  censoredDays: new Map(),
  activeSince: new Map(),
});

/** Adds `count` participants to the tally of `entry`; an emptied tally is dropped, so that equal tallies compare equal. */
export function addTally(tallies: SurvivalTallies, { kind, key }: SurvivalEntry, count: number): void {
  if (kind === 'activeSince') bump(tallies.activeSince, key, count);
  else bump(kind === 'outcome' ? tallies.outcomeDays : tallies.censoredDays, Number(key), count);
}

/** Adds `keySum` to the key sum of `entry`'s tally. */
export function addKeySum(sums: SurvivalKeySums, { kind, key }: SurvivalEntry, keySum: number): void {
  const add = <K>(map: Map<K, number>, at: K) => map.set(at, addKey(map.get(at) ?? 0, keySum));
  if (kind === 'activeSince') add(sums.activeSince, key);
  else add(kind === 'outcome' ? sums.outcomeDays : sums.censoredDays, Number(key));
}

/** Tallies from stored rows (one per kind and key). */
export function talliesFromRows(rows: Iterable<SurvivalEntry & { count: number }>): SurvivalTallies {
  const tallies = emptyTallies();
  for (const row of rows) addTally(tallies, row, row.count);
  return tallies;
}

/** Key sums from stored rows, as `talliesFromRows` counts. */
export function keySumsFromRows(rows: Iterable<SurvivalEntry & { keySum: number }>): SurvivalKeySums {
  const sums = emptyTallies();
  for (const row of rows) addKeySum(sums, row, row.keySum);
  return sums;
}

/** For "as of" figures, computed by scanning participants rather than from stored tallies. */
export const talliesOf = (contributions: Iterable<Contribution>): SurvivalTallies =>
  talliesFromRows([...contributions].map((c) => ({ ...survivalEntryOf(c), count: 1 })));

/** The tallies' key sums, for "as of" figures. */
export const keySumsOf = (members: Iterable<KeyedContribution>): SurvivalKeySums =>
  keySumsFromRows([...members].map(({ contribution, recordKey }) => ({ ...survivalEntryOf(contribution), keySum: recordKey })));

function bump<K>(map: Map<K, number>, key: K, count: number): void {
  const total = (map.get(key) ?? 0) + count;
  if (total === 0) map.delete(key);
  else map.set(key, total);
}

const EXACT: SurvivalDisclosure = { keySums: emptyTallies(), publish: exactly };

// Products of (1 − d/n) land a rounding error either side of exact halves (1/2 · … ); without a
// tolerance a median could move by a whole step depending on the order of the factors.
const HALF = 0.5 + 1e-9;

/**
 * Kaplan-Meier estimate of the share still without a job or self-employment, by day since first
 * enrolment. Those still active are censored at `asOf`; those enrolled after it are not counted.
 * A participant censored on day t is still at risk on day t (censoring after the events of the day).
 *
 * Every count is published as `disclosure` says, each with the key sum of the participants it
 * counts, and the curve is computed from the published counts only: perturbed, the number at risk
 * and the events of each day, and so the curve and its median, are those of the published table.
 * A day whose published events are 0 has no point. With `binDays`, days are grouped into bins
 * first, and the points and the median are at bin ends.
 */
export function kaplanMeier(tallies: SurvivalTallies, asOf: CalendarDate, disclosure: SurvivalDisclosure = EXACT): SurvivalEstimate {
  const { keySums, publish, binDays } = disclosure;
  const cells = <K>(counts: Map<K, number>, sums: Map<K, number>) =>
    new Map([...counts].map(([k, n]): [K, Cell] => [k, { n, key: sums.get(k) ?? 0 }]));
  const byDay = cells(tallies.outcomeDays, keySums.outcomeDays);
  const censoredByDay = cells(tallies.censoredDays, keySums.censoredDays);
  for (const [since, n] of tallies.activeSince) {
    const day = daysBetween(since, asOf);
    if (day >= 0) censoredByDay.set(day, addCells(censoredByDay.get(day) ?? EMPTY_CELL, { n, key: keySums.activeSince.get(since) ?? 0 }));
  }
  const events = binDays ? binned(byDay, binDays) : byDay;
  const censored = binDays ? binned(censoredByDay, binDays) : censoredByDay;
  const total = (m: Map<number, Cell>): Cell => [...m.values()].reduce((sum, c) => addCells(sum, c), EMPTY_CELL);
  const everyone = addCells(total(events), total(censored));

  const days = [...new Set([...events.keys(), ...censored.keys()])].sort((a, b) => a - b);
  const points: SurvivalPoint[] = [];
  let atRisk = everyone;
  let stillSearching = 1;
  let medianDays: number | null = null;
  for (const day of days) {
    const d = events.get(day) ?? EMPTY_CELL;
    if (d.n > 0) {
      const publishedAtRisk = publish(atRisk);
      // Perturbed apart, the events could exceed those at risk: the curve never goes below 0.
      const publishedEvents = Math.min(publish(d), publishedAtRisk);
      if (publishedEvents > 0) {
        stillSearching *= 1 - publishedEvents / publishedAtRisk;
        points.push({ day, stillSearching, atRisk: publishedAtRisk, events: publishedEvents });
        if (medianDays === null && stillSearching <= HALF) medianDays = day;
      }
    }
    atRisk = addCells(atRisk, addCells(d, censored.get(day) ?? EMPTY_CELL), -1);
  }
  return { participants: publish(everyone), events: publish(total(events)), censored: publish(total(censored)), medianDays, points };
}
