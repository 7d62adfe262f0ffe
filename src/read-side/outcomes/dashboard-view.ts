import type { ProgrammeTargets } from '../../catalogue/catalogue';
import type { ContractType, ExitReason } from '../../journey/domain/vocabulary';
import { CONTRACT_TYPES, EXIT_REASONS } from '../../journey/domain/vocabulary';
import { type OutcomeCounts, rates } from '../../outcomes/outcome-counts';
import { kaplanMeier, type SurvivalEstimate, type SurvivalTallies } from '../../outcomes/survival';

/** A dashboard's figures as the API gives them; counts are null only where hidden from a viewer. */
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
  tallies: SurvivalTallies;
  /** The date active participants are censored at: the asked date, or today for live figures. */
  censorAt: string;
  targets: ProgrammeTargets;
  lastEventPosition: bigint;
  updatedAt: string;
}

export function toDashboard(f: OutcomeFigures): DashboardView {
  const { counts } = f;
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
    medianDaysToOutcome: kaplanMeier(f.tallies, f.censorAt).medianDays,
    exitsByReason: EXIT_REASONS.map((reason) => ({ reason, count: counts.exitsByReason[reason] })),
    jobsByContract: CONTRACT_TYPES.map((contractType) => ({ contractType, count: counts.jobsByContract[contractType] })),
    suppressed: false,
    lastEventPosition: String(f.lastEventPosition),
    updatedAt: f.updatedAt,
  };
}

export const toSurvivalCurve = (f: OutcomeFigures): SurvivalCurveView => ({
  city: f.city,
  programme: f.programme,
  suppressed: false,
  ...kaplanMeier(f.tallies, f.censorAt),
});
