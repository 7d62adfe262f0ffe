import type { Catalogue } from '../catalogue/catalogue';
import { lastDayOf } from '../life-paths/release-month';
import { counterDeltas } from './outcome-counts';
import type { OutcomeFact } from './outcome-facts';
import { type Contribution, contributionAt } from './participant-contribution';
import { type SurvivalEntry, survivalDeltas } from './survival';

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

/**
 * What the month tables gain when a participant's facts go from `before` to `after` (trends,
 * docs/outcomes.md): each month's change of its contribution, taken out as it was and added as it
 * is. Summed over the months up to one, they give the figures at that month's end; over every
 * month, the live figures (no fact is dated after today).
 */
export function monthDeltas(
  city: string,
  before: readonly OutcomeFact[],
  after: readonly OutcomeFact[],
  exitClasses: Catalogue['exitClasses'],
): { counters: MonthCounterDelta[]; survival: MonthSurvivalDelta[] } {
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
