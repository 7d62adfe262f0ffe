import type { Catalogue } from '../catalogue/catalogue';
import { lastDayOf } from '../clock/months';
import { type CounterDelta, counterDeltas } from './outcome-counts';
import type { OutcomeFact } from './outcome-facts';
import { type Contribution, contributionAt } from './participant-contribution';
import { type SurvivalDelta, type SurvivalEntry, survivalDeltas } from './survival';

/** What to add to a scope's counter in the month a change of figures is dated in. */
export interface MonthCounterDelta {
  scope: string;
  month: string;
  counter: string;
  delta: number;
}

/** The same for a survival tally. */
export interface MonthSurvivalDelta extends SurvivalEntry {
  scope: string;
  month: string;
  delta: number;
}

/**
 * A participant's contribution at the end of each month one of its facts is dated in ('YYYY-MM',
 * in order): its figures change only then, so these steps give its contribution at any month end.
 */
export function monthlyContributions(city: string, facts: readonly OutcomeFact[], exitClasses: Catalogue['exitClasses']): { month: string; contribution: Contribution | null }[] {
  const months = [...new Set(facts.map((f) => f.on.slice(0, 7)))].sort();
  return months.map((month) => ({ month, contribution: contributionAt({ city, facts: facts as OutcomeFact[] }, lastDayOf(month), exitClasses) }));
}

/** The month tables' deltas of one change. */
export interface MonthDeltas {
  counters: MonthCounterDelta[];
  survival: MonthSurvivalDelta[];
}

/** The same change's deltas of the live counters and tallies (counterDeltas, survivalDeltas). */
export interface LiveDeltas {
  counters: readonly CounterDelta[];
  survival: readonly SurvivalDelta[];
}

/**
 * The month of the one fact `after` adds to `before` (the same facts, in the same objects) when it
 * is dated in or after every month `before` has facts in, as nearly every milestone recorded on its
 * day is: no month end before it changes, and from its month end on the participant counts as it
 * does live. Undefined for any other change (a correction, a void, a back-dated milestone).
 */
function onlyMonthChanged(before: readonly OutcomeFact[], after: readonly OutcomeFact[]): string | undefined {
  if (after.length !== before.length + 1 || before.some((f, i) => after[i] !== f)) return undefined;
  const month = after.at(-1)!.on.slice(0, 7);
  return before.every((f) => f.on.slice(0, 7) <= month) ? month : undefined;
}

/**
 * What the month tables gain when a participant's facts go from `before` to `after` (trends,
 * docs/outcomes.md): each month's change of its contribution, taken out as it was and added as it
 * is. Summed over the months up to one, they give the figures at that month's end; over every
 * month, the live figures (no fact is dated after today). With `live`, the change's live deltas,
 * a milestone added in the participant's latest month costs no contribution computed again.
 */
export function monthDeltas(
  city: string,
  before: readonly OutcomeFact[],
  after: readonly OutcomeFact[],
  exitClasses: Catalogue['exitClasses'],
  live?: LiveDeltas,
): MonthDeltas {
  const month = live && onlyMonthChanged(before, after);
  if (month) {
    return { counters: live.counters.map((d) => ({ ...d, month })), survival: live.survival.map((d) => ({ ...d, month })) };
  }
  const counters = new Map<string, MonthCounterDelta>();
  const survival = new Map<string, MonthSurvivalDelta>();
  const add = (facts: readonly OutcomeFact[], sign: 1 | -1) => {
    let previous: Contribution | null = null;
    for (const { month, contribution } of monthlyContributions(city, facts, exitClasses)) {
      for (const { scope, counter, delta } of counterDeltas(city, previous, contribution)) {
        const key = `${scope}\t${month}\t${counter}`;
        const sum = counters.get(key) ?? { scope, month, counter, delta: 0 };
        counters.set(key, { ...sum, delta: sum.delta + sign * delta });
      }
      for (const { scope, kind, key: entry, delta } of survivalDeltas(city, previous, contribution)) {
        const key = `${scope}\t${month}\t${kind}\t${entry}`;
        const sum = survival.get(key) ?? { scope, month, kind, key: entry, delta: 0 };
        survival.set(key, { ...sum, delta: sum.delta + sign * delta });
      }
      previous = contribution;
    }
  };
  add(before, -1);
  add(after, 1);
  return { counters: [...counters.values()].filter((d) => d.delta !== 0), survival: [...survival.values()].filter((d) => d.delta !== 0) };
}
