import { CONTRACT_TYPES, EXIT_REASONS } from '../../../src/journey/domain/vocabulary';
import type { DashboardView, SurvivalCurveView } from '../../../src/read-side/outcomes/dashboard-view';
import { hideSmallCells, hideSmallCurve } from '../../../src/read-side/outcomes/small-cells';

const K = 5;

const dashboard = (overrides: Partial<DashboardView> = {}): DashboardView => ({
  city: 'paris', programme: null, asOf: null,
  enrolled: 40, active: 10, exited: 30, positiveExits: 18, neutralExits: 6,
  positiveExitRate: 0.75, positiveExitTarget: 0.6,
  jobReturns: 15, jobReturnRate: 0.375, jobReturnTarget: null,
  businessCreations: 5, businessCreationRate: 0.125, businessCreationTarget: null,
  medianDaysToOutcome: 120, followUps6m: 12, sustainedOutcomes6m: 9,
  exitsByReason: EXIT_REASONS.map((reason) => ({ reason, count: reason === 'EMPLOYMENT' ? 15 : 0 })),
  jobsByContract: CONTRACT_TYPES.map((contractType) => ({ contractType, count: contractType === 'PERMANENT' ? 15 : 0 })),
  suppressed: false, lastEventPosition: '99', updatedAt: '2008-01-01T00:00:00.000Z',
  ...overrides,
});

describe('small cells hidden from researchers', () => {
  it('leaves a dashboard without small cells as it is', () => {
    expect(hideSmallCells(dashboard(), K)).toEqual(dashboard());
  });

  it('hides a count from 1 to k − 1 and every rate built on it, and says so', () => {
    const seen = hideSmallCells(dashboard({ neutralExits: 4, businessCreations: 1 }), K);
    expect(seen).toMatchObject({ neutralExits: null, positiveExitRate: null, businessCreations: null, businessCreationRate: null, suppressed: true });
    // Figures not built on a hidden count stay.
    expect(seen).toMatchObject({ exited: 30, positiveExits: 18, jobReturns: 15, jobReturnRate: 0.375, medianDaysToOutcome: 120 });
  });

  it('keeps zeros and counts of k or more', () => {
    expect(hideSmallCells(dashboard({ businessCreations: 0, businessCreationRate: 0, followUps6m: K }), K)).toMatchObject({
      businessCreations: 0, businessCreationRate: 0, followUps6m: K, suppressed: false,
    });
  });

  it('hides the median, and the rates over enrolled, when enrolled itself is small', () => {
    const seen = hideSmallCells(dashboard({ enrolled: 3, active: 3, exited: 0, positiveExits: 0, neutralExits: 0, jobReturns: 0 }), K);
    expect(seen).toMatchObject({ enrolled: null, active: null, jobReturnRate: null, businessCreationRate: null, medianDaysToOutcome: null, suppressed: true });
  });

  it('hides small counts in the lists by reason and by contract', () => {
    const seen = hideSmallCells(dashboard({ exitsByReason: EXIT_REASONS.map((reason) => ({ reason, count: reason === 'HEALTH' ? 2 : 0 })) }), K);
    expect(seen.exitsByReason.find((e) => e.reason === 'HEALTH')!.count).toBeNull();
    expect(seen.exitsByReason.find((e) => e.reason === 'OTHER')!.count).toBe(0);
    expect(seen.suppressed).toBe(true);
  });

  it('withholds a survival curve over fewer than k participants, and only then', () => {
    const curve = (participants: number): SurvivalCurveView => ({
      city: 'paris', programme: null, participants, events: 1, censored: participants - 1, medianDays: 30, suppressed: false,
      points: [{ day: 30, stillSearching: 0.5, atRisk: participants, events: 1 }],
    });
    expect(hideSmallCurve(curve(4), K)).toMatchObject({ points: [], medianDays: null, suppressed: true });
    expect(hideSmallCurve(curve(5), K)).toEqual(curve(5));
  });
});
