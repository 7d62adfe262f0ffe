import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import type { CalendarDate } from '../../../src/journey/domain/vocabulary';
import { contributionAt } from '../../../src/outcomes/participant-contribution';
import {
  type SurvivalDelta,
  type SurvivalTallies,
  kaplanMeier,
  survivalDeltas,
  talliesFromRows,
  talliesOf,
} from '../../../src/outcomes/survival';
import { addKey, exactly } from '../../../src/outcomes/cell';
import { cellKeyMethod } from '../../../src/outcomes/cell-key-method';
import { perturbationRow } from '../../../src/outcomes/perturbation-table';
import { recordKeyOf } from '../../../src/outcomes/record-key';
import { event } from '../journey/fixtures';
import { CHANTAL, PARIS_COHORT, factsOf } from './paris-cohort';

const tallies = (outcomes: [number, number][], censored: [number, number][], active: [CalendarDate, number][] = []): SurvivalTallies => ({
  outcomeDays: new Map(outcomes),
  censoredDays: new Map(censored),
  activeSince: new Map(active),
});

const cohortAsOf = (asOf: CalendarDate | null) =>
  Object.values(PARIS_COHORT)
    .map((events) => contributionAt(factsOf(events), asOf, BUILT_IN_CATALOGUE.exitClasses))
    .filter((c) => c !== null);

const rounded = (points: { day: number; stillSearching: number; atRisk: number; events: number }[]) =>
  points.map((p) => ({ ...p, stillSearching: Math.round(p.stillSearching * 1000) / 1000 }));

describe('Kaplan-Meier time to outcome', () => {
  it('reproduces the textbook estimate of the Freireich 6-MP data, censored on day t still at risk on day t', () => {
    // Events 6,6,6,7,10,13,16,22,23; censored 6+,9+,10+,11+,17+,19+,20+,25+,32+,32+,34+,35+.
    const freireich = tallies(
      [[6, 3], [7, 1], [10, 1], [13, 1], [16, 1], [22, 1], [23, 1]],
      [[6, 1], [9, 1], [10, 1], [11, 1], [17, 1], [19, 1], [20, 1], [25, 1], [32, 2], [34, 1], [35, 1]],
    );
    const estimate = kaplanMeier(freireich, '2008-06-30');
    expect(rounded(estimate.points)).toEqual([
      { day: 6, atRisk: 21, events: 3, stillSearching: 0.857 },
      { day: 7, atRisk: 17, events: 1, stillSearching: 0.807 },
      { day: 10, atRisk: 15, events: 1, stillSearching: 0.753 },
      { day: 13, atRisk: 12, events: 1, stillSearching: 0.69 },
      { day: 16, atRisk: 11, events: 1, stillSearching: 0.627 },
      { day: 22, atRisk: 7, events: 1, stillSearching: 0.538 },
      { day: 23, atRisk: 6, events: 1, stillSearching: 0.448 },
    ]);
    expect(estimate).toMatchObject({ participants: 21, events: 9, censored: 12, medianDays: 23 });
  });

  it('in 30-day bins (researchers): points and median at bin ends, those censored in a bin at risk for its events', () => {
    // One person found a job on day 41, one on day 75; a third left on day 50 without one.
    const estimate = kaplanMeier(tallies([[41, 1], [75, 1]], [[50, 1]]), '2008-06-30', { keySums: tallies([], []), publish: exactly, binDays: 30 });
    expect(rounded(estimate.points)).toEqual([
      { day: 60, atRisk: 3, events: 1, stillSearching: 0.667 },
      { day: 90, atRisk: 1, events: 1, stillSearching: 0 },
    ]);
    expect(estimate).toMatchObject({ participants: 3, events: 2, censored: 1, medianDays: 90 });
  });

  it('has no median while more than half are still searching', () => {
    expect(kaplanMeier(tallies([[10, 1]], [[5, 1], [20, 2]]), '2008-06-30')).toMatchObject({
      participants: 4,
      medianDays: null,
      points: [{ day: 10, atRisk: 3, events: 1, stillSearching: expect.closeTo(2 / 3, 12) }],
    });
    expect(kaplanMeier(tallies([], []), '2008-06-30')).toEqual({
      participants: 0,
      events: 0,
      censored: 0,
      medianDays: null,
      points: [],
    });
  });

  describe('participants still searching are censored at the asked date', () => {
    const oneFoundOneSearching = tallies([[10, 1]], [], [['2008-01-01', 1]]);

    it('asked five days after her enrolment, she is out of the risk set by day 10', () => {
      expect(kaplanMeier(oneFoundOneSearching, '2008-01-06')).toMatchObject({
        censored: 1,
        medianDays: 10,
        points: [{ day: 10, atRisk: 1, events: 1, stillSearching: 0 }],
      });
    });

    it('asked thirty days after, she is still at risk on day 10', () => {
      expect(kaplanMeier(oneFoundOneSearching, '2008-01-31')).toMatchObject({
        censored: 1,
        medianDays: 10,
        points: [{ day: 10, atRisk: 2, events: 1, stillSearching: 0.5 }],
      });
    });

    it('asked before her enrolment, she is not counted at all', () => {
      expect(kaplanMeier(oneFoundOneSearching, '2007-12-31')).toMatchObject({ participants: 1, censored: 0 });
    });
  });

  it('the Paris cohort today: days from first enrolment, across re-enrolments', () => {
    // Outcomes: Didier 45, Anne 50, Élise 80 (her late-recorded August job), Chantal 179 (self-employed
    // in her second spell). Censored: Bernard 30, François 134, Gilles 182 at their exits; Hélène
    // still searching, 119 days on 2008-06-30.
    const estimate = kaplanMeier(talliesOf(cohortAsOf(null)), '2008-06-30');
    expect(estimate.points).toEqual([
      { day: 45, atRisk: 7, events: 1, stillSearching: expect.closeTo(6 / 7, 12) },
      { day: 50, atRisk: 6, events: 1, stillSearching: expect.closeTo(5 / 7, 12) },
      { day: 80, atRisk: 5, events: 1, stillSearching: expect.closeTo(4 / 7, 12) },
      { day: 179, atRisk: 2, events: 1, stillSearching: expect.closeTo(2 / 7, 12) },
    ]);
    expect(estimate).toMatchObject({ participants: 8, events: 4, censored: 4, medianDays: 179 });
  });

  it('the Paris cohort as of 2007-06-30: an exact half is the median', () => {
    // Outcomes: Didier 45, Anne 50. Censored: Bernard 30 at his exit; still searching on that date:
    // Élise 29, Gilles 89, Chantal 149 (re-enrolled, counted from her first enrolment).
    const estimate = kaplanMeier(talliesOf(cohortAsOf('2007-06-30')), '2007-06-30');
    expect(estimate.points).toEqual([
      { day: 45, atRisk: 4, events: 1, stillSearching: 0.75 },
      { day: 50, atRisk: 3, events: 1, stillSearching: expect.closeTo(0.5, 12) },
    ]);
    expect(estimate).toMatchObject({ participants: 6, events: 2, censored: 4, medianDays: 50 });
  });
});

describe('survival deltas: what one event changes in the stored tallies', () => {
  const live = (events: JourneyEvent[]) => contributionAt(factsOf(events), null, BUILT_IN_CATALOGUE.exitClasses);
  const deltasOf = (history: JourneyEvent[], next: JourneyEvent) =>
    table(survivalDeltas('paris', history.length > 0 ? live(history) : null, live([...history, next])));
  const table = (deltas: SurvivalDelta[]) =>
    Object.fromEntries(deltas.map((d) => [`${d.scope} ${d.kind} ${d.key}`, d.delta]));
  const enrolled = event.enrolled({ occurredOn: '2007-02-01', programme: 'paris-gatp' });

  it('an enrolment adds someone searching since that date', () => {
    expect(deltasOf([], enrolled)).toEqual({
      'paris activeSince 2007-02-01': 1,
      'paris/paris-gatp activeSince 2007-02-01': 1,
    });
  });

  it('a first job turns the search into an outcome after so many days', () => {
    expect(deltasOf([enrolled], event.jobStarted('2007-03-01'))).toEqual({
      'paris activeSince 2007-02-01': -1,
      'paris outcome 28': 1,
      'paris/paris-gatp activeSince 2007-02-01': -1,
      'paris/paris-gatp outcome 28': 1,
    });
  });

  it('a job recorded late and dated earlier moves the outcome earlier', () => {
    const history = [enrolled, event.jobStarted('2007-03-01')];
    expect(deltasOf(history, event.jobStarted('2007-02-11'))).toEqual({
      'paris outcome 28': -1,
      'paris outcome 10': 1,
      'paris/paris-gatp outcome 28': -1,
      'paris/paris-gatp outcome 10': 1,
    });
    expect(deltasOf(history, event.jobStarted('2007-04-01'))).toEqual({});
  });

  it('an exit without an outcome censors at the exit; a re-enrolment elsewhere resumes the search there', () => {
    expect(deltasOf(CHANTAL.slice(0, 1), CHANTAL[1]!)).toEqual({
      'paris activeSince 2007-02-01': -1,
      'paris censored 60': 1,
      'paris/paris-gatp activeSince 2007-02-01': -1,
      'paris/paris-gatp censored 60': 1,
    });
    expect(deltasOf(CHANTAL.slice(0, 2), CHANTAL[2]!)).toEqual({
      'paris censored 60': -1,
      'paris activeSince 2007-02-01': 1,
      'paris/paris-gatp censored 60': -1,
      'paris/paris-pionnieres activeSince 2007-02-01': 1,
    });
  });

  it('the deltas of every event of the cohort sum to the tallies counted by scanning', () => {
    const rows = new Map<string, Map<string, { kind: SurvivalDelta['kind']; key: string; count: number }>>();
    for (const events of Object.values(PARIS_COHORT)) {
      for (let i = 0; i < events.length; i++) {
        const before = i === 0 ? null : live(events.slice(0, i));
        for (const { scope, kind, key, delta } of survivalDeltas('paris', before, live(events.slice(0, i + 1)))) {
          const scoped = rows.get(scope) ?? new Map();
          const row = scoped.get(`${kind} ${key}`) ?? { kind, key, count: 0 };
          scoped.set(`${kind} ${key}`, { ...row, count: row.count + delta });
          rows.set(scope, scoped);
        }
      }
    }
    const stored = (scope: string) => talliesFromRows(rows.get(scope)?.values() ?? []);
    expect(stored('paris')).toEqual(talliesOf(cohortAsOf(null)));
    expect(stored('paris/paris-gatp')).toEqual(talliesOf(cohortAsOf(null).filter((c) => c.programme === 'paris-gatp')));
    expect(stored('paris/paris-gatp').censoredDays).toEqual(new Map([[30, 1], [134, 1], [182, 1]]));
  });
});

describe("Kaplan-Meier from perturbed counts (researchers' curve)", () => {
  // The Freireich data again, each participant a record key of its own.
  const outcomes: [number, number][] = [[6, 3], [7, 1], [10, 1], [13, 1], [16, 1], [22, 1], [23, 1]];
  const censored: [number, number][] = [[6, 1], [9, 1], [10, 1], [11, 1], [17, 1], [19, 1], [20, 1], [25, 1], [32, 2], [34, 1], [35, 1]];
  let next = 0;
  const keySum = (count: number) => Array.from({ length: count }, () => recordKeyOf(`freireich-${next++}`)).reduce((sum, k) => addKey(sum, k), 0);
  const keySums: SurvivalTallies = {
    outcomeDays: new Map(outcomes.map(([day, n]) => [day, keySum(n)])),
    censoredDays: new Map(censored.map(([day, n]) => [day, keySum(n)])),
    activeSince: new Map(),
  };
  const data = tallies(outcomes, censored);

  it('with the exact publisher, is the estimate itself', () => {
    expect(kaplanMeier(data, '2008-06-30', { keySums, publish: exactly })).toEqual(kaplanMeier(data, '2008-06-30'));
  });

  it('perturbed, publishes each count as the table can, keeps the curve within [0, 1] and falling, and takes the median from it', () => {
    const canPublish = (truth: number, p: number) => perturbationRow(truth).some((e) => e.published === p);
    for (const secret of ['one', 'two', 'three', 'four', 'five']) {
      const curve = kaplanMeier(data, '2008-06-30', { keySums, publish: cellKeyMethod(secret) });
      expect(canPublish(21, curve.participants)).toBe(true);
      expect(canPublish(9, curve.events)).toBe(true);
      let previous = 1;
      for (const point of curve.points) {
        expect(point.events).toBeGreaterThanOrEqual(3);
        expect(point.events).toBeLessThanOrEqual(point.atRisk);
        expect(point.stillSearching).toBeGreaterThanOrEqual(0);
        expect(point.stillSearching).toBeLessThan(previous);
        previous = point.stillSearching;
      }
      const median = curve.points.find((p) => p.stillSearching <= 0.5 + 1e-9)?.day ?? null;
      expect(curve.medianDays).toBe(median);
    }
  });
});
