import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { lastDayOf } from '../../../src/clock/months';
import { Random } from '../../../src/demo/prng';
import { decide } from '../../../src/journey/domain/decide';
import { InvalidInput, RuleViolation } from '../../../src/journey/domain/errors';
import { evolveJourney, initialJourney } from '../../../src/journey/domain/journey';
import { CONTRACT_TYPES } from '../../../src/journey/domain/vocabulary';
import { type OutcomeFigures, toDashboard, toSurvivalCurve } from '../../../src/read-side/outcomes/dashboard-view';
import { OutcomeSeriesReader } from '../../../src/read-side/outcomes/outcome-series.reader';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { foldedAsOf } from '../../support/folded-as-of';
import { type DecidedJourney, decidedJourneys, interleave } from '../../support/programme-journeys';
import { researchReadModels } from '../../support/research-read-models';
import { tempDir } from '../../support/temp-files';
import { StoppedClock } from '../../support/stopped-clock';
import { SCOPES, programmeDate } from '../../support/programme-scopes';

const TODAY = '2026-01-01';

/** Any day, and month ends and firsts, where the month tables and the day tables meet. */
const asOfDate = fc.oneof(programmeDate, programmeDate.map((d) => lastDayOf(d.slice(0, 7))), programmeDate.map((d) => `${d.slice(0, 7)}-01`));

/**
 * Every other journey gains a job dated on one of its earlier milestones' days, recorded after all
 * of them (and so, interleaved, after other participants' later days): a late record, kept when
 * the decider accepts it. Answers the journeys and how many gained one.
 */
function withLateJobs(journeys: readonly DecidedJourney[], seed: number): { journeys: DecidedJourney[]; late: number } {
  let late = 0;
  const withJobs = journeys.map((j, index) => {
    if (index % 2 !== 0) return j;
    const random = new Random(seed, index);
    const on = random.pick(j.events.flatMap((e) => ('occurredOn' in e.data && typeof e.data.occurredOn === 'string' ? [e.data.occurredOn] : [])));
    const job = {
      type: 'RecordJobStart' as const,
      data: { participantId: j.participantId, occurredOn: on, contractType: random.pick(CONTRACT_TYPES), employerType: 'SME' as const, sector: 'Q', weeklyHours: null, note: null },
    };
    try {
      const events = decide(job, j.events.reduce(evolveJourney, initialJourney()), { today: TODAY, catalogue: BUILT_IN_CATALOGUE });
      late += 1;
      return { ...j, events: [...j.events, ...events] };
    } catch (error) {
      if (error instanceof RuleViolation || error instanceof InvalidInput) return j;
      throw error;
    }
  });
  return { journeys: withJobs, late };
}

/** Figures but the stamp, which the dated tables keep by day (docs/outcomes.md, asOf). */
const unstamped = ({ lastEventPosition: _p, updatedAt: _u, ...figures }: OutcomeFigures) => figures;

describe('figures as of a date summed from the day and month tables (property, real SQLite file)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  let run = 0;

  it('equal a fold over every participant, figure for figure, curve and series points included, through late records, corrections and voids', () => {
    let lateRecords = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
        fc.array(asOfDate, { minLength: 1, maxLength: 4 }),
        programmeDate,
        (seed, picks, dates, from) => {
          const db = openSqliteDatabase(tmp.file(`run-${run++}.db`));
          try {
            const clock = new StoppedClock(`${TODAY}T12:00:00Z`);
            const models = researchReadModels(db, BUILT_IN_CATALOGUE, clock);
            const { journeys, late } = withLateJobs(decidedJourneys(seed, 0.03, () => false, 6), seed);
            lateRecords += late;
            models.fold(interleave(journeys, picks));
            const reader = models.reader();
            const series = new OutcomeSeriesReader(db, BUILT_IN_CATALOGUE, clock, reader);
            for (const { city, programme } of SCOPES) {
              for (const asOf of dates) {
                const folded = foldedAsOf(db, BUILT_IN_CATALOGUE, city, programme, asOf);
                const kept = reader.figures(city, programme, asOf);
                expect(unstamped(kept)).toEqual(unstamped(folded));
                expect(toSurvivalCurve(kept)).toEqual(toSurvivalCurve(folded));
                const { lastEventPosition, updatedAt } = reader.dashboard(city, programme, asOf);
                expect(reader.dashboard(city, programme, asOf)).toEqual({ ...toDashboard(folded), lastEventPosition, updatedAt });
              }
              const to = dates[0]!;
              for (const point of series.series(city, programme, from < to ? from : to, to).points) {
                const folded = toDashboard(foldedAsOf(db, BUILT_IN_CATALOGUE, city, programme, point.asOf!));
                expect(point).toEqual({ ...folded, lastEventPosition: point.lastEventPosition, updatedAt: point.updatedAt });
              }
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 15 },
    );
    expect(lateRecords).toBeGreaterThan(0);
  });
});
