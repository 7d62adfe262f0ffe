import type { DashboardView, SurvivalCurveView } from './dashboard-view';

type CountField =
  | 'enrolled'
  | 'active'
  | 'exited'
  | 'positiveExits'
  | 'neutralExits'
  | 'jobReturns'
  | 'businessCreations'
  | 'followUps6m'
  | 'sustainedOutcomes6m';

const COUNTS: CountField[] = ['enrolled', 'active', 'exited', 'positiveExits', 'neutralExits', 'jobReturns', 'businessCreations', 'followUps6m', 'sustainedOutcomes6m'];

/** A count from 1 to k − 1 could point at a person: researchers see it as null (docs/access-and-privacy.md). */
const isSmall = (count: number | null, k: number): boolean => count !== null && count > 0 && count < k;

/** A dashboard as researchers see it: small cells, and every rate or median built on one, hidden. */
export function hideSmallCells(view: DashboardView, k: number): DashboardView {
  const hidden = new Set(COUNTS.filter((field) => isSmall(view[field], k)));
  const hide = (field: CountField) => (hidden.has(field) ? null : view[field]);
  const anyHidden = (...fields: CountField[]) => fields.some((f) => hidden.has(f));
  const exitsByReason = view.exitsByReason.map((e) => ({ ...e, count: isSmall(e.count, k) ? null : e.count }));
  const jobsByContract = view.jobsByContract.map((e) => ({ ...e, count: isSmall(e.count, k) ? null : e.count }));
  const listsHidden = [...exitsByReason, ...jobsByContract].some((e) => e.count === null);
  return {
    ...view,
    ...Object.fromEntries(COUNTS.map((field) => [field, hide(field)])),
    positiveExitRate: anyHidden('positiveExits', 'exited', 'neutralExits') ? null : view.positiveExitRate,
    jobReturnRate: anyHidden('jobReturns', 'enrolled') ? null : view.jobReturnRate,
    businessCreationRate: anyHidden('businessCreations', 'enrolled') ? null : view.businessCreationRate,
    // The median comes from the survival curve over every enrolled participant.
    medianDaysToOutcome: anyHidden('enrolled') ? null : view.medianDaysToOutcome,
    exitsByReason,
    jobsByContract,
    suppressed: hidden.size > 0 || listsHidden,
  };
}

/** A survival curve over fewer than k participants is withheld from researchers: no points, no median. */
export function hideSmallCurve(curve: SurvivalCurveView, k: number): SurvivalCurveView {
  return isSmall(curve.participants, k) ? { ...curve, points: [], medianDays: null, suppressed: true } : curve;
}
