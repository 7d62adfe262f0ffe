import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import {
  COUNTER_NAMES,
  type CounterDelta,
  addCounts,
  counterDeltas,
  countersOf,
  countsFromCounters,
  countsOf,
  emptyCounts,
} from '../../../src/outcomes/outcome-counts';
import { contributionAt } from '../../../src/outcomes/participant-contribution';
import { event } from '../journey/fixtures';
import { ANNE, CHANTAL, DIDIER, PARIS_COHORT, factsOf } from './paris-cohort';

const live = (events: JourneyEvent[]) => contributionAt(factsOf(events), null, BUILT_IN_CATALOGUE.exitClasses);

/** The deltas a new event causes, as "scope counter" → delta, so that tests read as a table. */
function deltasOf(history: JourneyEvent[], next: JourneyEvent): Record<string, number> {
  return table(counterDeltas('paris', history.length > 0 ? live(history) : null, live([...history, next])));
}
const table = (deltas: CounterDelta[]) => Object.fromEntries(deltas.map((d) => [`${d.scope} ${d.counter}`, d.delta]));

const enrolled = event.enrolled({ occurredOn: '2007-02-01', programme: 'paris-gatp' });

describe('counter deltas: what one event changes in the stored counters', () => {
  it('an enrolment adds an active participant to its city and to its programme', () => {
    expect(deltasOf([], enrolled)).toEqual({
      'paris enrolled': 1,
      'paris active': 1,
      'paris/paris-gatp enrolled': 1,
      'paris/paris-gatp active': 1,
    });
  });

  it('a first job is a job return and a job of its contract type', () => {
    expect(deltasOf([enrolled], event.jobStarted('2007-03-01', { contractType: 'TIME_SHARE' }))).toEqual({
      'paris jobReturns': 1,
      'paris jobsByContract.TIME_SHARE': 1,
      'paris/paris-gatp jobReturns': 1,
      'paris/paris-gatp jobsByContract.TIME_SHARE': 1,
    });
  });

  it('a second job adds a job, not a job return', () => {
    const history = [enrolled, event.jobStarted('2007-03-01', { contractType: 'TIME_SHARE' })];
    expect(deltasOf(history, event.jobStarted('2007-04-01', { contractType: 'PERMANENT' }))).toEqual({
      'paris jobsByContract.PERMANENT': 1,
      'paris/paris-gatp jobsByContract.PERMANENT': 1,
    });
  });

  it('an exit moves the participant from active to exited, by class and reason', () => {
    expect(deltasOf([enrolled], event.exited('2007-03-01', 'RELOCATION'))).toEqual({
      'paris active': -1,
      'paris exited': 1,
      'paris neutralExits': 1,
      'paris exitsByReason.RELOCATION': 1,
      'paris/paris-gatp active': -1,
      'paris/paris-gatp exited': 1,
      'paris/paris-gatp neutralExits': 1,
      'paris/paris-gatp exitsByReason.RELOCATION': 1,
    });
  });

  it('a re-enrolment into another programme moves the whole participant to it', () => {
    const history = CHANTAL.slice(0, 2); // enrolled in paris-gatp, dropped out
    expect(deltasOf(history, event.reEnrolled('2007-05-01', 'paris-pionnieres'))).toEqual({
      'paris active': 1,
      'paris exited': -1,
      'paris exitsByReason.DROPPED_OUT': -1,
      'paris/paris-gatp enrolled': -1,
      'paris/paris-gatp exited': -1,
      'paris/paris-gatp exitsByReason.DROPPED_OUT': -1,
      'paris/paris-pionnieres enrolled': 1,
      'paris/paris-pionnieres active': 1,
    });
  });

  it('an event no figure depends on changes nothing', () => {
    expect(deltasOf([enrolled], event.coachingHeld('2007-03-01'))).toEqual({});
    expect(counterDeltas('paris', null, null)).toEqual([]);
  });

  it('a participant who leaves the figures (e.g. a rebuild) takes everything back', () => {
    const anne = live(ANNE)!;
    expect(counterDeltas('paris', anne, null)).toEqual([
      ...countersOf(countsOf(anne)).filter((r) => r.value !== 0).map((r) => ({ scope: 'paris', counter: r.counter, delta: -r.value })),
      ...countersOf(countsOf(anne)).filter((r) => r.value !== 0).map((r) => ({ scope: 'paris/paris-gatp', counter: r.counter, delta: -r.value })),
    ]);
  });

  it('the deltas of every event of the cohort, in recording order, sum to the dashboards counted by scanning', () => {
    const store = new Map<string, Map<string, number>>();
    for (const events of Object.values(PARIS_COHORT)) {
      for (let i = 0; i < events.length; i++) {
        const before = i === 0 ? null : live(events.slice(0, i));
        for (const { scope, counter, delta } of counterDeltas('paris', before, live(events.slice(0, i + 1)))) {
          const rows = store.get(scope) ?? new Map<string, number>();
          rows.set(counter, (rows.get(counter) ?? 0) + delta);
          store.set(scope, rows);
        }
      }
    }
    const stored = (scope: string) =>
      countsFromCounters([...(store.get(scope) ?? new Map<string, number>())].map(([counter, value]) => ({ counter, value })));
    const scanned = (programme: string | null) =>
      Object.values(PARIS_COHORT)
        .map(live)
        .filter((c) => c !== null && (programme === null || c.programme === programme))
        .reduce((sum, c) => addCounts(sum, countsOf(c!)), emptyCounts());

    expect(stored('paris')).toEqual(scanned(null));
    for (const programme of ['paris-gatp', 'paris-rmi', 'paris-pionnieres', 'paris-tiers-secteur']) {
      expect(stored(`paris/${programme}`)).toEqual(scanned(programme));
    }
    expect(stored('paris').jobsByContract.PERMANENT).toBe(2);
  });
});

describe('counters as rows', () => {
  it('every counter has a flat name and reads back to the same counts', () => {
    const didier = countsOf(live(DIDIER)!);
    expect(countersOf(didier).map((r) => r.counter)).toEqual(COUNTER_NAMES);
    expect(countsFromCounters(countersOf(didier))).toEqual(didier);
    expect(COUNTER_NAMES).toEqual(expect.arrayContaining(['enrolled', 'exitsByReason.HEALTH', 'jobsByContract.PERMANENT']));
  });

  it('missing counters are 0, and counters of another version are ignored', () => {
    expect(
      countsFromCounters([
        { counter: 'enrolled', value: 3 },
        { counter: 'exitsByReason.HEALTH', value: 1 },
        { counter: 'exitsByReason.UNHEARD_OF', value: 7 },
        { counter: 'somethingElse', value: 9 },
      ]),
    ).toEqual({ ...emptyCounts(), enrolled: 3, exitsByReason: { ...emptyCounts().exitsByReason, HEALTH: 1 } });
  });

  it('subtracting a contribution is the inverse of adding it', () => {
    const anne = countsOf(live(ANNE)!);
    const didier = countsOf(live(DIDIER)!);
    expect(addCounts(addCounts(anne, didier), didier, -1)).toEqual(anne);
  });
});
