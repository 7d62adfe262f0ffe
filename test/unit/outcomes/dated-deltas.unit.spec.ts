import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { counterDeltas } from '../../../src/outcomes/outcome-counts';
import { contributionAt } from '../../../src/outcomes/participant-contribution';
import { survivalDeltas } from '../../../src/outcomes/survival';
import { type DatedDeltas, dailyContributions, dayDeltas, DeltaSums } from '../../../src/outcomes/dated-deltas';
import type { OutcomeFact } from '../../../src/outcomes/outcome-facts';

const { exitClasses } = BUILT_IN_CATALOGUE;
const enrolled: OutcomeFact = { kind: 'ENROLLED', on: '2008-01-14', programme: 'paris-gatp' };
const job = (on: string): OutcomeFact => ({ kind: 'JOB', on, contractType: 'PERMANENT' });
const exited: OutcomeFact = { kind: 'EXITED', on: '2008-04-02', reason: 'EMPLOYMENT' };

/** The same changes by the month they are dated in, as the month tables keep them: a month's change is the sum of its days'. */
function monthDeltas(days: DatedDeltas): DatedDeltas {
  const months = new DeltaSums();
  for (const d of days.counters) months.addCounter({ ...d, period: d.period.slice(0, 7) });
  for (const d of days.survival) months.addTally({ ...d, period: d.period.slice(0, 7) });
  return months.nonZero();
}

/** The deltas of the city's scope by month, as `month counter delta` lines, for reading at a glance. */
const cityLines = (before: OutcomeFact[], after: OutcomeFact[]) =>
  monthDeltas(dayDeltas('paris', before, after, exitClasses))
    .counters.filter((d) => d.scope === 'paris')
    .map((d) => `${d.period} ${d.counter} ${d.delta}`)
    .sort();

describe('dated deltas: the changes of figures by the day and the month they are dated in', () => {
  it("gives a participant's contribution on each day one of its facts is dated", () => {
    const steps = dailyContributions('paris', [enrolled, job('2008-03-10'), exited], exitClasses);
    expect(steps.map((s) => [s.day, s.contribution?.active, s.contribution?.jobReturn, s.contribution?.exited])).toEqual([
      ['2008-01-14', 1, 0, 0],
      ['2008-03-10', 1, 1, 0],
      ['2008-04-02', 0, 1, 1],
    ]);
  });

  it("given a job on 10 March, when a correction moves it to 3 March, then the days change, and the month's counters do not but its time to a job does", () => {
    const [before, after] = [[enrolled, job('2008-03-10')], [enrolled, job('2008-03-03')]];
    const days = dayDeltas('paris', before, after, exitClasses);
    expect(days.counters.filter((d) => d.scope === 'paris').map((d) => `${d.period} ${d.counter} ${d.delta}`).sort()).toEqual([
      '2008-03-03 jobReturns 1',
      '2008-03-03 jobsByContract.PERMANENT 1',
      '2008-03-10 jobReturns -1',
      '2008-03-10 jobsByContract.PERMANENT -1',
    ]);
    const month = monthDeltas(days);
    expect(month.counters).toEqual([]);
    expect(month.survival.filter((d) => d.scope === 'paris').map((d) => `${d.period} ${d.kind} ${d.key} ${d.delta}`).sort()).toEqual([
      '2008-03 outcome 49 1',
      '2008-03 outcome 56 -1',
    ]);
  });

  it('given nothing, when a participant enrols, then the month of the enrolment gains it', () => {
    expect(cityLines([], [enrolled])).toEqual(['2008-01 active 1', '2008-01 enrolled 1']);
  });

  it('given an enrolment, when a job is recorded in March, then only March changes', () => {
    expect(cityLines([enrolled], [enrolled, job('2008-03-10')])).toEqual(['2008-03 jobReturns 1', '2008-03 jobsByContract.PERMANENT 1']);
  });

  it('given a job in March, when a correction moves it to February, then March gives back what February gains', () => {
    expect(cityLines([enrolled, job('2008-03-10')], [enrolled, job('2008-02-20')])).toEqual([
      '2008-02 jobReturns 1',
      '2008-02 jobsByContract.PERMANENT 1',
      '2008-03 jobReturns -1',
      '2008-03 jobsByContract.PERMANENT -1',
    ]);
  });

  it('given a job, when it is voided, then its month gives back all it had; and an unchanged history changes nothing', () => {
    expect(cityLines([enrolled, job('2008-03-10')], [enrolled])).toEqual(['2008-03 jobReturns -1', '2008-03 jobsByContract.PERMANENT -1']);
    expect(dayDeltas('paris', [enrolled, exited], [enrolled, exited], exitClasses)).toEqual({ counters: [], survival: [] });
  });

  it('moves the survival tally of a participant from still searching to an outcome in the month of the job, in the city and its programme', () => {
    const { survival } = monthDeltas(dayDeltas('paris', [enrolled], [enrolled, job('2008-03-10')], exitClasses));
    expect(survival.map((d) => `${d.scope} ${d.period} ${d.kind} ${d.key} ${d.delta}`).sort()).toEqual([
      'paris 2008-03 activeSince 2008-01-14 -1',
      'paris 2008-03 outcome 56 1',
      'paris/paris-gatp 2008-03 activeSince 2008-01-14 -1',
      'paris/paris-gatp 2008-03 outcome 56 1',
    ]);
  });

  it("takes a milestone added on the participant's latest day or after from the live deltas, as computing every day would", () => {
    const day = fc.date({ min: new Date('2008-01-14'), max: new Date('2009-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const fact = fc.oneof(
      day.map((on): OutcomeFact => job(on)),
      day.map((on): OutcomeFact => ({ kind: 'EXITED', on, reason: 'TRAINING' })),
      day.map((on): OutcomeFact => ({ kind: 'SELF_EMPLOYMENT', on })),
      day.map((on): OutcomeFact => ({ kind: 'ENROLLED', on, programme: 'paris-pionnieres' })),
    );
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 5 }), fact, (earlier, added) => {
        const before = [enrolled, ...earlier];
        const after = [...before, added];
        const [was, is] = [before, after].map((facts) => contributionAt({ city: 'paris', facts }, null, exitClasses));
        const live = { counters: counterDeltas('paris', was!, is!), survival: survivalDeltas('paris', was!, is!) };
        const sorted = ({ counters, survival }: ReturnType<typeof dayDeltas>) => ({
          counters: counters.map((d) => `${d.scope} ${d.period} ${d.counter} ${d.delta}`).sort(),
          survival: survival.map((d) => `${d.scope} ${d.period} ${d.kind} ${d.key} ${d.delta}`).sort(),
        });
        const computed = sorted(dayDeltas('paris', before, after, exitClasses));
        const fromLive = sorted(dayDeltas('paris', before, after, exitClasses, live));
        expect(fromLive).toEqual(computed);
        // A marked live delta shows which way was taken: the live one exactly when the fact is on the latest day or after.
        const marked = { ...live, counters: [...live.counters, { scope: 'mark', counter: 'mark', delta: 1 }] };
        const tookLive = dayDeltas('paris', before, after, exitClasses, marked).counters.some((d) => d.scope === 'mark');
        expect(tookLive).toBe(before.every((f) => f.on <= added.on));
      }),
      { numRuns: 300 },
    );
  });
});
