import type { Dashboard } from '../../../web/src/api/types';
import { dashboardsCsv } from '../../../web/src/dashboards/dashboard-csv';
import { trendsCsv } from '../../../web/src/trends/trends-csv';

/** A dashboard as the API gives it; `suppressed` when a researcher's (perturbed). */
const dashboard = (suppressed: boolean, asOf: string | null = null): Dashboard => ({
  city: 'paris',
  programme: null,
  asOf,
  suppressed,
  updatedAt: '2008-12-01T00:00:00.000Z',
  lastEventPosition: '0',
  enrolled: 120,
  active: null,
  exited: 60,
  positiveExitRate: 0.55,
  positiveExitTarget: 0.6,
  jobReturnRate: null,
  jobReturnTarget: null,
  businessCreationRate: 0.05,
  businessCreationTarget: null,
  medianDaysToOutcome: 90,
  sustainedOutcomes6m: 12,
  exitsByReason: [{ reason: 'EMPLOYMENT', count: 30 }],
  jobsByContract: [{ contractType: 'PERMANENT', count: null }],
});

/** The CSV's rows by item: value, target and protection. */
const byItem = (csv: string) => new Map(csv.trim().split('\r\n').slice(1).map((line) => line.split(',')).map(([, , , , item, value, target, flag]) => [item, { value, target, flag }]));

describe('the dashboards’ and trends’ CSV (web app)', () => {
  it('flags a researcher’s counts as perturbed, a withheld one as hidden (an empty cell), rates and medians as computed from them, never targets', () => {
    const rows = byItem(dashboardsCsv([dashboard(true, '2008-11-30')], undefined));
    expect(rows.get('enrolled')).toEqual({ value: '120', target: '', flag: 'perturbed' });
    expect(rows.get('active')).toEqual({ value: '', target: '', flag: 'hidden' });
    expect(rows.get('positiveExitRate')).toEqual({ value: '0.55', target: '0.6', flag: 'computed from perturbed counts' });
    expect(rows.get('jobReturnRate')).toEqual({ value: '', target: '', flag: 'computed from perturbed counts' });
    expect(rows.get('medianDaysToOutcome')).toEqual({ value: '90', target: '', flag: 'computed from perturbed counts' });
    expect(rows.get('EMPLOYMENT')).toEqual({ value: '30', target: '', flag: 'perturbed' });
    expect(rows.get('PERMANENT')).toEqual({ value: '', target: '', flag: 'hidden' });
  });

  it('flags nothing in exact figures (coordinators, administrators)', () => {
    const rows = byItem(dashboardsCsv([dashboard(false)], undefined));
    expect([...rows.values()].map((row) => row.flag)).toEqual([...rows.values()].map(() => ''));
  });

  it('writes the curve of the date shown, its counts and each point’s at-risk and outcome counts, flagged like the other counts', () => {
    const curve = { city: 'paris', programme: null, suppressed: true, participants: 40, events: 12, censored: 28, medianDays: 300, points: [{ day: 90, stillSearching: 0.8, atRisk: 40, events: 8 }] };
    const lines = dashboardsCsv([], curve, '2008-11-30').trim().split('\r\n').slice(1);
    expect(lines).toEqual([
      'timeToOutcome,paris,,2008-11-30,participants,40,,perturbed',
      'timeToOutcome,paris,,2008-11-30,events,12,,perturbed',
      'timeToOutcome,paris,,2008-11-30,censored,28,,perturbed',
      'timeToOutcome,paris,,2008-11-30,medianDays,300,,computed from perturbed counts',
      'timeToOutcome:day 90,paris,,2008-11-30,stillSearching,0.8,,computed from perturbed counts',
      'timeToOutcome:day 90,paris,,2008-11-30,atRisk,40,,perturbed',
      'timeToOutcome:day 90,paris,,2008-11-30,events,8,,perturbed',
    ]);
    expect(dashboardsCsv([], { ...curve, suppressed: false }).split('\r\n')[1]).toBe('timeToOutcome,paris,,,participants,40,,');
  });

  it('writes a trend as the rates and counts of each month end, in the dashboards’ columns', () => {
    const csv = trendsCsv({ city: 'paris', programme: null, interval: 'MONTH', points: [dashboard(true, '2008-10-31'), dashboard(true, '2008-11-30')] });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('section,city,programme,asOf,item,value,target,protected');
    expect(lines.slice(1).map((line) => line.split(',').slice(3, 5).join(' '))).toEqual(
      ['2008-10-31', '2008-11-30'].flatMap((asOf) =>
        ['positiveExitRate', 'jobReturnRate', 'businessCreationRate', 'enrolled', 'active', 'exited', 'sustainedOutcomes6m'].map((item) => `${asOf} ${item}`),
      ),
    );
  });
});
