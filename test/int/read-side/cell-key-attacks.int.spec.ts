import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import type { ExitReason } from '../../../src/journey/domain/vocabulary';
import { exactly } from '../../../src/outcomes/cell';
import { cellKeyMethod } from '../../../src/outcomes/cell-key-method';
import { MAX_PERTURBATION, perturbationRow } from '../../../src/outcomes/perturbation-table';
import { type DashboardView, toSurvivalCurve } from '../../../src/read-side/outcomes/dashboard-view';
import type { OutcomesReader } from '../../../src/read-side/outcomes/outcomes.reader';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { event } from '../../unit/journey/fixtures';
import { researchReadModels } from '../../support/research-read-models';
import { recordedOnTheirDay } from '../../support/recorded-on-their-day';
import { tempDir } from '../../support/temp-files';
import { StoppedClock } from '../../support/stopped-clock';

/** Today for coordinators' live figures. */
/** Researchers' live figures are as of 31 May 2008, after every fact of the populations: a fact of June closes May (`logOf`). */
const LIVE_MONTH_END = '2008-05-31';

const PERTURBED = cellKeyMethod('a pseudonym secret of the tests');
const PROGRAMMES = BUILT_IN_CATALOGUE.cities.find((c) => c.code === 'paris')!.programmes.map((p) => p.code);
const REASONS: ExitReason[] = ['EMPLOYMENT', 'TRAINING', 'SELF_EMPLOYMENT', 'DROPPED_OUT', 'HEALTH'];
/** Exits of everyone but the last participant fall outside April 2007: between two month ends, only the last one changes. */
const EXIT_DATES = ['2007-02-15', '2007-03-20', '2007-06-10'];

interface Person {
  programme: string;
  exit: { reason: ExitReason; on: string } | null;
  /** The day a job started, if one did. */
  job?: string;
}

/** A small Paris population; its last participant leaves on 15 April 2007, alone that month. */
const populations = fc
  .array(
    fc.record({
      programme: fc.constantFrom(...PROGRAMMES),
      exit: fc.option(fc.record({ reason: fc.constantFrom(...REASONS), on: fc.constantFrom(...EXIT_DATES) })),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .chain((people) => fc.constantFrom(...REASONS).map((reason): Person[] => [...people, { programme: PROGRAMMES[0]!, exit: { reason, on: '2007-04-15' } }]));

function logOf(people: Person[], run: number): StoredEvent[] {
  const streams = people.map(({ programme, exit, job }, i): [string, JourneyEvent[]] => {
    const participantId = `run-${run}-person-${i}`;
    const events: JourneyEvent[] = [event.enrolled({ participantId, occurredOn: '2007-01-10', programme })];
    if (job) events.push(event.jobStarted(job, { participantId }));
    if (exit) events.push(event.exited(exit.on, exit.reason, { participantId }));
    return [participantId, events];
  });
  // A Stockholm enrolment of June 2008: the log closes May, and no Paris figure changes.
  const closing = `run-${run}-stockholm`;
  streams.push([closing, [event.enrolled({ participantId: closing, occurredOn: '2008-06-02', city: 'stockholm', programme: 'stockholm-test-group' })]]);
  return recordedOnTheirDay(streams);
}

const countsOf = (view: DashboardView): number[] => [
  view.enrolled!, view.active!, view.exited!, view.positiveExits!, view.neutralExits!, view.jobReturns!, view.businessCreations!,
  ...view.exitsByReason.map((e) => e.count!), ...view.jobsByContract.map((e) => e.count!),
];
const reasonCount = (view: DashboardView, reason: ExitReason) => view.exitsByReason.find((e) => e.reason === reason)!.count!;

describe("differencing attacks on researchers' figures (int, real SQLite files, cell key method)", () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  let run = 0;

  /**
   * Readers over a read model folded from the population's events; the callback runs while the
   * file is open. Each call of `fresh` gives a new reader on the same file, with nothing cached.
   */
  async function withReader<T>(people: Person[], use: (reader: OutcomesReader, fresh: () => OutcomesReader) => Promise<T>): Promise<T> {
    const db = openSqliteDatabase(tmp.file(`run-${run}.db`));
    try {
      const { fold, reader: fresh } = researchReadModels(db, BUILT_IN_CATALOGUE, new StoppedClock('2008-06-30T12:00:00Z'));
      fold(logOf(people, run++));
      return await use(fresh(), fresh);
    } finally {
      db.close();
    }
  }

  it('publishes every count the same to two readers, live and as of a month end, within 2 of the truth, never as 1 or 2', async () => {
    await fc.assert(
      fc.asyncProperty(populations, (people) =>
        withReader(people, async (reader, fresh) => {
          const scopes = [null, ...PROGRAMMES];
          for (const asOf of [null, '2007-03-31', '2007-04-30']) {
            for (const programme of scopes) {
              const published = countsOf(await reader.researchDashboard('paris', programme, asOf, PERTURBED));
              expect(countsOf(await fresh().researchDashboard('paris', programme, asOf, PERTURBED))).toEqual(published);
              const truth = countsOf(await reader.researchDashboard('paris', programme, asOf, exactly));
              published.forEach((p, i) => {
                expect(Math.abs(p - truth[i]!)).toBeLessThanOrEqual(MAX_PERTURBATION);
                expect(p === 0 || p >= 3).toBe(true);
                if (truth[i] === 0) expect(p).toBe(0);
              });
            }
          }
        }),
      ),
      { numRuns: 40 },
    );
  });

  it('the subtractions of issue 13 do not give the hidden true value: they are off in many populations', async () => {
    const samples = fc.sample(populations, { seed: 13, numRuns: 80 });
    let reasonsOff = 0;
    let programmesOff = 0;
    let monthsOff = 0;
    for (const people of samples) {
      await withReader(people, async (reader) => {
        const exact = await reader.researchDashboard('paris', null, null, exactly);
        const city = await reader.researchDashboard('paris', null, null, PERTURBED);
        // Positive exits minus the other positive reasons, for self-employment.
        const byReasons = city.positiveExits! - reasonCount(city, 'EMPLOYMENT') - reasonCount(city, 'TRAINING');
        if (byReasons !== reasonCount(exact, 'SELF_EMPLOYMENT')) reasonsOff++;
        // The city minus its other programmes, for the first programme.
        let others = 0;
        for (const p of PROGRAMMES.slice(1)) others += (await reader.researchDashboard('paris', p, null, PERTURBED)).enrolled!;
        if (city.enrolled! - others !== (await reader.researchDashboard('paris', PROGRAMMES[0]!, null, exactly)).enrolled) programmesOff++;
        // Two month ends between which exactly one participant left.
        const [march, april] = await Promise.all(['2007-03-31', '2007-04-30'].map((asOf) => reader.researchDashboard('paris', null, asOf, PERTURBED)));
        if (april!.exited! - march!.exited! !== 1) monthsOff++;
      });
    }
    // Each attack is exact only by chance; a third of the populations at least defeats each.
    expect(reasonsOff).toBeGreaterThan(samples.length / 3);
    expect(programmesOff).toBeGreaterThan(samples.length / 3);
    expect(monthsOff).toBeGreaterThan(samples.length / 3);
  });

  it('publishes figures that two different true values at least could each have given', async () => {
    // Issue 13's Stockholm: 30 positive exits, 22 for employment, 5 for training, so 3 for self-employment.
    const exits = (reason: ExitReason, count: number): Person[] =>
      Array.from({ length: count }, () => ({ programme: PROGRAMMES[0]!, exit: { reason, on: '2007-02-15' } }));
    const published = await withReader([...exits('EMPLOYMENT', 22), ...exits('TRAINING', 5), ...exits('SELF_EMPLOYMENT', 3)], (reader) =>
      reader.researchDashboard('paris', null, null, PERTURBED),
    );
    /** The true counts the perturbation table can turn into `p`. */
    const truthsOf = (p: number) =>
      Array.from({ length: p + 3 }, (_, t) => t).filter((t) => (t === 0 ? p === 0 : perturbationRow(t).some((e) => e.published === p)));
    for (const [p, truth] of [
      [reasonCount(published, 'SELF_EMPLOYMENT'), 3],
      [reasonCount(published, 'EMPLOYMENT'), 22],
      [reasonCount(published, 'TRAINING'), 5],
      [published.positiveExits!, 30],
    ] as const) {
      expect(truthsOf(p)).toContain(truth);
      expect(truthsOf(p).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('time to outcome with a few people each with an outcome day of their own: no exact count, and points only at 30-day bin ends', async () => {
    // `size` people find a job on days of their own; five more all on day 45, so that a point is published.
    const jobDays = ['2007-01-11', '2007-01-25', '2007-02-08', '2007-03-14'];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), (size) =>
        withReader(
          [
            ...jobDays.slice(0, size).map((job): Person => ({ programme: PROGRAMMES[0]!, exit: null, job })),
            ...Array.from({ length: 5 }, (): Person => ({ programme: PROGRAMMES[0]!, exit: null, job: '2007-02-24' })),
          ],
          async (reader, fresh) => {
            const curve = toSurvivalCurve(await reader.researchFigures('paris', null), PERTURBED);
            expect(toSurvivalCurve(await fresh().researchFigures('paris', null), PERTURBED)).toEqual(curve);
            expect(Math.abs(curve.participants - (size + 5))).toBeLessThanOrEqual(MAX_PERTURBATION);
            expect(curve.suppressed).toBe(true);
            expect(curve.points.length).toBeGreaterThan(0);
            for (const point of curve.points) {
              expect(point.events).toBeGreaterThanOrEqual(3);
              expect(point.day % 30).toBe(0);
            }
            expect(curve.medianDays === null || curve.medianDays % 30 === 0).toBe(true);
          },
        ),
      ),
      { numRuns: 12 },
    );
  });

  it('publishes a city whose only programme has its members as that programme, and live figures as the last month end', async () => {
    await fc.assert(
      fc.asyncProperty(populations, (people) =>
        withReader(
          people.map((p) => ({ ...p, programme: PROGRAMMES[0]! })),
          async (reader) => {
            const city = await reader.researchDashboard('paris', null, null, PERTURBED);
            expect(countsOf(await reader.researchDashboard('paris', PROGRAMMES[0]!, null, PERTURBED))).toEqual(countsOf(city));
            expect(await reader.researchDashboard('paris', null, LIVE_MONTH_END, PERTURBED)).toEqual(city);
          },
        ),
      ),
      { numRuns: 20 },
    );
  });
});
