import { type CounterDelta, COUNTER_NAMES, countersOf, countsOf, emptyCounts } from '../../outcomes/outcome-counts';
import { scopeChanges } from '../../outcomes/outcome-scopes';
import type { Contribution } from '../../outcomes/participant-contribution';

const NOTHING: readonly number[] = countersOf(emptyCounts()).map(({ value }) => value);

/**
 * The same deltas as `counterDeltas` (src/outcomes/outcome-counts.ts), in the same order, from the
 * same definitions: each contribution is turned into counters once rather than once per scope it
 * changes (its city and its programme), and no dashboard is summed to take one from the other.
 * The outcomes projection folds this for every outcome event, where it was most of the cost.
 */
export function counterDeltasOf(city: string, before: Contribution | null, after: Contribution | null): CounterDelta[] {
  const counters = new Map<Contribution, readonly number[]>();
  const valuesOf = (c: Contribution | null): readonly number[] => {
    if (c === null) return NOTHING;
    let values = counters.get(c);
    if (values === undefined) counters.set(c, (values = countersOf(countsOf(c)).map(({ value }) => value)));
    return values;
  };
  const deltas: CounterDelta[] = [];
  for (const { scope, before: b, after: a } of scopeChanges(city, before, after)) {
    const into = valuesOf(a);
    const out = valuesOf(b);
    for (let i = 0; i < COUNTER_NAMES.length; i++) {
      const delta = into[i] - out[i];
      if (delta !== 0) deltas.push({ scope, counter: COUNTER_NAMES[i], delta });
    }
  }
  return deltas;
}
