import type { ProgrammeTargets } from '../catalogue/catalogue';
import { CONTRACT_TYPES, type ContractType, EXIT_REASONS, type ExitReason } from '../journey/domain/vocabulary';
import { scopeChanges } from './outcome-scopes';
import { type Contribution, zeroPerContract } from './participant-contribution';

/** A dashboard's counts: sums of participants' contributions (docs/outcomes.md). */
export interface OutcomeCounts {
  enrolled: number;
  active: number;
  exited: number;
  positiveExits: number;
  neutralExits: number;
  jobReturns: number;
  businessCreations: number;
  followUps6m: number;
  sustainedOutcomes6m: number;
  exitsByReason: Record<ExitReason, number>;
  jobsByContract: Record<ContractType, number>;
}

type ScalarCounter = Exclude<keyof OutcomeCounts, 'exitsByReason' | 'jobsByContract'>;

const SCALAR_COUNTERS: readonly ScalarCounter[] = [
  'enrolled',
  'active',
  'exited',
  'positiveExits',
  'neutralExits',
  'jobReturns',
  'businessCreations',
  'followUps6m',
  'sustainedOutcomes6m',
];

/** Every counter a scope has, by its flat name in the counters table. */
export const COUNTER_NAMES: readonly string[] = [
  ...SCALAR_COUNTERS,
  ...EXIT_REASONS.map((r) => `exitsByReason.${r}`),
  ...CONTRACT_TYPES.map((c) => `jobsByContract.${c}`),
];

const NONE_PER_REASON = Object.fromEntries(EXIT_REASONS.map((r) => [r, 0])) as Record<ExitReason, number>;

const zeroPerReason = (): Record<ExitReason, number> => ({ ...NONE_PER_REASON });

export const emptyCounts = (): OutcomeCounts => ({
  enrolled: 0,
  active: 0,
  exited: 0,
  positiveExits: 0,
  neutralExits: 0,
  jobReturns: 0,
  businessCreations: 0,
  followUps6m: 0,
  sustainedOutcomes6m: 0,
  exitsByReason: zeroPerReason(),
  jobsByContract: zeroPerContract(),
});

/** One participant as a dashboard of one. */
export function countsOf(c: Contribution): OutcomeCounts {
  const exitsByReason = zeroPerReason();
  if (c.exitReason !== null) exitsByReason[c.exitReason] = 1;
  return {
    enrolled: 1,
    active: c.active,
    exited: c.exited,
    positiveExits: c.positiveExit,
    neutralExits: c.neutralExit,
    jobReturns: c.jobReturn,
    businessCreations: c.businessCreation,
    followUps6m: c.followUp6m,
    sustainedOutcomes6m: c.sustained6m,
    exitsByReason,
    jobsByContract: { ...c.jobsByContract },
  };
}

/** a + sign·b, counter by counter; sign −1 takes a contribution back out. */
export function addCounts(a: OutcomeCounts, b: OutcomeCounts, sign: 1 | -1 = 1): OutcomeCounts {
  const sum = emptyCounts();
  for (const k of SCALAR_COUNTERS) sum[k] = a[k] + sign * b[k];
  for (const r of EXIT_REASONS) sum.exitsByReason[r] = a.exitsByReason[r] + sign * b.exitsByReason[r];
  for (const t of CONTRACT_TYPES) sum.jobsByContract[t] = a.jobsByContract[t] + sign * b.jobsByContract[t];
  return sum;
}

/** The counts as rows of a counters table, in COUNTER_NAMES order. */
export function countersOf(counts: OutcomeCounts): { counter: string; value: number }[] {
  return [
    ...SCALAR_COUNTERS.map((k) => ({ counter: k, value: counts[k] })),
    ...EXIT_REASONS.map((r) => ({ counter: `exitsByReason.${r}`, value: counts.exitsByReason[r] })),
    ...CONTRACT_TYPES.map((t) => ({ counter: `jobsByContract.${t}`, value: counts.jobsByContract[t] })),
  ];
}

/** Back from a counters table; a name this version does not know is left out rather than failing the dashboard. */
export function countsFromCounters(rows: readonly { counter: string; value: number }[]): OutcomeCounts {
  const counts = emptyCounts();
  const scalars: ReadonlySet<string> = new Set(SCALAR_COUNTERS);
  const reasons: ReadonlySet<string> = new Set(EXIT_REASONS);
  const contracts: ReadonlySet<string> = new Set(CONTRACT_TYPES);
  for (const { counter, value } of rows) {
    const [group, key] = counter.split('.', 2) as [string, string | undefined];
    if (key === undefined && scalars.has(group)) counts[group as ScalarCounter] += value;
    else if (group === 'exitsByReason' && key && reasons.has(key)) counts.exitsByReason[key as ExitReason] += value;
    else if (group === 'jobsByContract' && key && contracts.has(key)) counts.jobsByContract[key as ContractType] += value;
  }
  return counts;
}

/** A change to add to one stored counter. */
export interface CounterDelta {
  scope: string;
  counter: string;
  delta: number;
}

/**
 * What to add to the stored counters when a participant's contribution goes from `before` to
 * `after` (null: not enrolled). Applying these per event keeps a live dashboard one read of a
 * fixed number of rows, whatever the number of participants.
 */
export function counterDeltas(city: string, before: Contribution | null, after: Contribution | null): CounterDelta[] {
  const deltas: CounterDelta[] = [];
  for (const { scope, before: b, after: a } of scopeChanges(city, before, after)) {
    const into = counterValues(a);
    const out = counterValues(b);
    COUNTER_NAMES.forEach((counter, i) => {
      if (into[i] !== out[i]) deltas.push({ scope, counter, delta: into[i] - out[i] });
    });
  }
  return deltas;
}

const NO_COUNTERS: readonly number[] = countersOf(emptyCounts()).map(({ value }) => value);

// The projection calls counterDeltas for every outcome event, with the contribution the previous
// one computed as `before`: each contribution (a value, never changed) becomes counters once.
const valuesOf = new WeakMap<Contribution, readonly number[]>();

/** The contribution's counters, in COUNTER_NAMES order. */
function counterValues(c: Contribution | null): readonly number[] {
  if (c === null) return NO_COUNTERS;
  let values = valuesOf.get(c);
  if (values === undefined) valuesOf.set(c, (values = countersOf(countsOf(c)).map(({ value }) => value)));
  return values;
}

export interface OutcomeRates {
  positiveExitRate: number | null;
  positiveExitTarget: number | null;
  jobReturnRate: number | null;
  jobReturnTarget: number | null;
  businessCreationRate: number | null;
  businessCreationTarget: number | null;
}

/**
 * The rates of docs/outcomes.md beside their targets. Neutral exits (retirement, health, relocation) are
 * outside the programme's reach, so they leave the positive-exit denominator; a rate with nothing
 * to divide by is null rather than 0, which would read as a failure. For researchers the counts are
 * the perturbed ones, so the rates are computed from what is published, never from the truth.
 */
export function rates(counts: OutcomeCounts, targets: ProgrammeTargets): OutcomeRates {
  // Exact counts give a ratio within [0, 1]; perturbed apart, a numerator can pass its denominator.
  const ratio = (n: number, d: number): number | null => (d > 0 ? Math.min(1, n / d) : null);
  return {
    positiveExitRate: ratio(counts.positiveExits, counts.exited - counts.neutralExits),
    positiveExitTarget: targets.positiveExitRate,
    jobReturnRate: ratio(counts.jobReturns, counts.enrolled),
    jobReturnTarget: targets.jobReturnRate,
    businessCreationRate: ratio(counts.businessCreations, counts.enrolled),
    businessCreationTarget: targets.businessCreationRate,
  };
}
