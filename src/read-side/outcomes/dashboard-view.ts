import type { ProgrammeTargets } from '../../catalogue/catalogue';
import type { ContractType, ExitReason } from '../../journey/domain/vocabulary';
import { CONTRACT_TYPES, EXIT_REASONS } from '../../journey/domain/vocabulary';
import { exactly, type Publish } from '../../outcomes/cell';
import { countersOf, countsFromCounters, type OutcomeCounts, rates } from '../../outcomes/outcome-counts';
import {
  kaplanMeier,
  RESEARCH_BIN_DAYS,
  type SurvivalDisclosure,
  type SurvivalEstimate,
  type SurvivalKeySums,
  type SurvivalTallies,
} from '../../outcomes/survival';

/** A dashboard's figures as the API gives them; the count fields stay nullable in the public contract, and are never null. */
export interface DashboardView {
  city: string;
  programme: string | null;
  asOf: string | null;
  enrolled: number | null;
  active: number | null;
  exited: number | null;
  positiveExits: number | null;
  neutralExits: number | null;
  positiveExitRate: number | null;
  positiveExitTarget: number | null;
  jobReturns: number | null;
  jobReturnRate: number | null;
  jobReturnTarget: number | null;
  businessCreations: number | null;
  businessCreationRate: number | null;
  businessCreationTarget: number | null;
  medianDaysToOutcome: number | null;
  followUps6m: number | null;
  sustainedOutcomes6m: number | null;
  exitsByReason: { reason: ExitReason; count: number | null }[];
  jobsByContract: { contractType: ContractType; count: number | null }[];
  suppressed: boolean;
  lastEventPosition: string;
  updatedAt: string;
}

export interface SurvivalCurveView extends SurvivalEstimate {
  city: string;
  programme: string | null;
  suppressed: boolean;
}

export interface OutcomeFigures {
  city: string;
  programme: string | null;
  asOf: string | null;
  counts: OutcomeCounts;
  /** Each counter's key sum, by its flat name (COUNTER_NAMES); absent is 0. */
  counterKeys: ReadonlyMap<string, number>;
  tallies: SurvivalTallies;
  survivalKeys: SurvivalKeySums;
  /** The date active participants are censored at: the asked date, or today for live figures. */
  censorAt: string;
  targets: ProgrammeTargets;
  lastEventPosition: bigint;
  updatedAt: string;
}

/** How the curve is published: exactly by day, or (researchers) perturbed, by bins of days. */
const disclosureOf = (f: OutcomeFigures, publish: Publish): SurvivalDisclosure =>
  publish === exactly ? { keySums: f.survivalKeys, publish } : { keySums: f.survivalKeys, publish, binDays: RESEARCH_BIN_DAYS };

/** Every count as `publish` shows it, each with its own key sum. */
function publishedCounts(f: OutcomeFigures, publish: Publish): OutcomeCounts {
  if (publish === exactly) return f.counts;
  return countsFromCounters(countersOf(f.counts).map(({ counter, value }) => ({ counter, value: publish({ n: value, key: f.counterKeys.get(counter) ?? 0 }) })));
}

/**
 * The dashboard as a viewer sees it: exact, or (researchers) with every count perturbed by the
 * cell key method, and the rates and median computed from the perturbed counts.
 */
export function toDashboard(f: OutcomeFigures, publish: Publish = exactly): DashboardView {
  const counts = publishedCounts(f, publish);
  return {
    city: f.city,
    programme: f.programme,
    asOf: f.asOf,
    enrolled: counts.enrolled,
    active: counts.active,
    exited: counts.exited,
    positiveExits: counts.positiveExits,
    neutralExits: counts.neutralExits,
    jobReturns: counts.jobReturns,
    businessCreations: counts.businessCreations,
    followUps6m: counts.followUps6m,
    sustainedOutcomes6m: counts.sustainedOutcomes6m,
    ...rates(counts, f.targets),
    medianDaysToOutcome: kaplanMeier(f.tallies, f.censorAt, disclosureOf(f, publish)).medianDays,
    exitsByReason: EXIT_REASONS.map((reason) => ({ reason, count: counts.exitsByReason[reason] })),
    jobsByContract: CONTRACT_TYPES.map((contractType) => ({ contractType, count: counts.jobsByContract[contractType] })),
    suppressed: publish !== exactly,
    lastEventPosition: String(f.lastEventPosition),
    updatedAt: f.updatedAt,
  };
}

export const toSurvivalCurve = (f: OutcomeFigures, publish: Publish = exactly): SurvivalCurveView => ({
  city: f.city,
  programme: f.programme,
  suppressed: publish !== exactly,
  ...kaplanMeier(f.tallies, f.censorAt, disclosureOf(f, publish)),
});
