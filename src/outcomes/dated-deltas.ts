import type { Catalogue } from '../catalogue/catalogue';
import type { CalendarDate } from '../journey/domain/vocabulary';
import { type CounterDelta, counterDeltas } from './outcome-counts';
import type { OutcomeFact } from './outcome-facts';
import { type Contribution, contributionAt } from './participant-contribution';
import { type SurvivalDelta, type SurvivalEntry, survivalDeltas } from './survival';

/** What to add to a scope's counter on the day ('YYYY-MM-DD') or in the month ('YYYY-MM') a change of figures is dated in. */
export interface DatedCounterDelta {
  scope: string;
  period: string;
  counter: string;
  delta: number;
}

/** The same for a survival tally. */
export interface DatedSurvivalDelta extends SurvivalEntry {
  scope: string;
  period: string;
  delta: number;
}

/** The dated tables' deltas of one change, by day or by month. */
export interface DatedDeltas {
  counters: DatedCounterDelta[];
  survival: DatedSurvivalDelta[];
}

/** The same change's deltas of the live counters and tallies (counterDeltas, survivalDeltas). */
export interface LiveDeltas {
  counters: readonly CounterDelta[];
  survival: readonly SurvivalDelta[];
}

/**
 * A participant's contribution on each day one of its facts is dated (in order): its figures
 * change only then (those still searching are tallied by their first enrolment, not by a duration
 * that grows every day), so these steps give its contribution on any date.
 */
export function dailyContributions(city: string, facts: readonly OutcomeFact[], exitClasses: Catalogue['exitClasses']): { day: CalendarDate; contribution: Contribution | null }[] {
  const days = [...new Set(facts.map((f) => f.on))].sort();
  return days.map((day) => ({ day, contribution: contributionAt({ city, facts: facts as OutcomeFact[] }, day, exitClasses) }));
}

/**
 * The day of the one fact `after` adds to `before` (the same facts, in the same objects) when it
 * is dated on or after every fact of `before`, as nearly every milestone recorded on its day is:
 * no earlier day changes, and from its day on the participant counts as it does live. Undefined
 * for any other change (a correction, a void, a back-dated milestone).
 */
function onlyDayChanged(before: readonly OutcomeFact[], after: readonly OutcomeFact[]): CalendarDate | undefined {
  if (after.length !== before.length + 1 || before.some((f, i) => after[i] !== f)) return undefined;
  const day = after.at(-1)!.on;
  return before.every((f) => f.on <= day) ? day : undefined;
}

/**
 * What the day tables gain when a participant's facts go from `before` to `after`
 * (docs/outcomes.md, "How the figures are kept"): each day's change of its contribution, taken
 * out as it was and added as it is. Summed over the days up to a date, they give the figures on
 * that date; over every day, the live figures (no fact is dated after today). With `live`, the
 * change's live deltas, a milestone added on or after the participant's latest day costs no
 * contribution computed again.
 */
export function dayDeltas(
  city: string,
  before: readonly OutcomeFact[],
  after: readonly OutcomeFact[],
  exitClasses: Catalogue['exitClasses'],
  live?: LiveDeltas,
): DatedDeltas {
  const day = live && onlyDayChanged(before, after);
  if (day) {
    return {
      counters: live.counters.map(({ scope, counter, delta }) => ({ scope, period: day, counter, delta })),
      survival: live.survival.map(({ scope, kind, key, delta }) => ({ scope, period: day, kind, key, delta })),
    };
  }
  const deltas = new DeltaSums();
  const add = (facts: readonly OutcomeFact[], sign: 1 | -1) => {
    let previous: Contribution | null = null;
    for (const { day, contribution } of dailyContributions(city, facts, exitClasses)) {
      for (const d of counterDeltas(city, previous, contribution)) deltas.addCounter({ ...d, period: day, delta: sign * d.delta });
      for (const d of survivalDeltas(city, previous, contribution)) deltas.addTally({ ...d, period: day, delta: sign * d.delta });
      previous = contribution;
    }
  };
  add(before, -1);
  add(after, 1);
  return deltas.nonZero();
}

/** Deltas summed by scope, period and counter or tally. */
export class DeltaSums {
  private readonly counters = new Map<string, DatedCounterDelta>();
  private readonly survival = new Map<string, DatedSurvivalDelta>();

  addCounter({ scope, period, counter, delta }: DatedCounterDelta): void {
    const key = `${scope}\t${period}\t${counter}`;
    const sum = this.counters.get(key) ?? { scope, period, counter, delta: 0 };
    this.counters.set(key, { ...sum, delta: sum.delta + delta });
  }

  addTally({ scope, period, kind, key: entry, delta }: DatedSurvivalDelta): void {
    const key = `${scope}\t${period}\t${kind}\t${entry}`;
    const sum = this.survival.get(key) ?? { scope, period, kind, key: entry, delta: 0 };
    this.survival.set(key, { ...sum, delta: sum.delta + delta });
  }

  nonZero(): DatedDeltas {
    return { counters: [...this.counters.values()].filter((d) => d.delta !== 0), survival: [...this.survival.values()].filter((d) => d.delta !== 0) };
  }
}
