import type { CalendarDate } from '../journey/domain/vocabulary';
import { daysBetween } from './calendar-days';
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

/** Tallies from stored rows (one per kind and key); empty tallies are dropped so that equal tallies compare equal. */
export function talliesFromRows(rows: Iterable<SurvivalEntry & { count: number }>): SurvivalTallies {
  const tallies = emptyTallies();
  for (const { kind, key, count } of rows) {
    if (kind === 'activeSince') bump(tallies.activeSince, key, count);
    else bump(kind === 'outcome' ? tallies.outcomeDays : tallies.censoredDays, Number(key), count);
  }
  return tallies;
}

/** For "as of" figures, computed by scanning participants rather than from stored tallies. */
export const talliesOf = (contributions: Iterable<Contribution>): SurvivalTallies =>
  talliesFromRows([...contributions].map((c) => ({ ...survivalEntryOf(c), count: 1 })));

function bump<K>(map: Map<K, number>, key: K, count: number): void {
  const total = (map.get(key) ?? 0) + count;
  if (total === 0) map.delete(key);
  else map.set(key, total);
}

// Products of (1 − d/n) land a rounding error either side of exact halves (1/2 · … ); without a
// tolerance a median could move by a whole step depending on the order of the factors.
const HALF = 0.5 + 1e-9;

/**
 * Kaplan-Meier estimate of the share still without a job or self-employment, by day since first
 * enrolment. Those still active are censored at `asOf`; those enrolled after it are not counted.
 * A participant censored on day t is still at risk on day t (censoring after the events of the day).
 */
export function kaplanMeier(tallies: SurvivalTallies, asOf: CalendarDate): SurvivalEstimate {
  const events = new Map(tallies.outcomeDays);
  const censored = new Map(tallies.censoredDays);
  for (const [since, count] of tallies.activeSince) {
    const day = daysBetween(since, asOf);
    if (day >= 0) bump(censored, day, count);
  }
  const total = (m: Map<number, number>): number => [...m.values()].reduce((s, n) => s + n, 0);
  const participants = total(events) + total(censored);

  const days = [...new Set([...events.keys(), ...censored.keys()])].sort((a, b) => a - b);
  const points: SurvivalPoint[] = [];
  let atRisk = participants;
  let stillSearching = 1;
  let medianDays: number | null = null;
  for (const day of days) {
    const d = events.get(day) ?? 0;
    if (d > 0) {
      stillSearching *= 1 - d / atRisk;
      points.push({ day, stillSearching, atRisk, events: d });
      if (medianDays === null && stillSearching <= HALF) medianDays = day;
    }
    atRisk -= d + (censored.get(day) ?? 0);
  }
  return { participants, events: total(events), censored: total(censored), medianDays, points };
}
