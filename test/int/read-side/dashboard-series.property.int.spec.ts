import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { InvalidInput } from '../../../src/journey/domain/errors';
import { OutcomeSeriesReader } from '../../../src/read-side/outcomes/outcome-series.reader';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { decidedJourneys, interleave } from '../../support/programme-journeys';
import { researchReadModels } from '../../support/research-read-models';
import { tempDir } from '../../support/temp-files';
import { StoppedClock } from '../../support/stopped-clock';
import { SCOPES, programmeDate } from '../../support/programme-scopes';

const TODAY = '2026-01-01';

describe('trends: a series of month ends summed from the month tables (property, real SQLite file)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  let run = 0;

  /** Readers over small programme runs (corrections and voids included), folded into both read models. */
  async function withReaders<T>(seed: number, picks: number[], use: (series: OutcomeSeriesReader, models: ReturnType<typeof researchReadModels>) => T | Promise<T>): Promise<T> {
    const db = openSqliteDatabase(tmp.file(`run-${run++}.db`));
    try {
      const clock = new StoppedClock(`${TODAY}T12:00:00Z`);
      const models = researchReadModels(db, BUILT_IN_CATALOGUE, clock);
      models.fold(interleave(decidedJourneys(seed, 0.03, () => false, 6), picks));
      return await use(new OutcomeSeriesReader(db, BUILT_IN_CATALOGUE, clock, models.reader()), models);
    } finally {
      db.close();
    }
  }

  it("gives at each point exactly the dashboard as of that date, for every scope, the last point the series' end", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 50 }), programmeDate, programmeDate, (seed, picks, a, b) =>
        withReaders(seed, picks, (series, models) => {
          const [from, to] = a <= b ? [a, b] : [b, a];
          const dashboards = models.reader();
          for (const { city, programme } of SCOPES) {
            const answer = series.series(city, programme, from, to);
            expect(answer).toMatchObject({ from, to, interval: 'MONTH' });
            expect(answer.points.at(-1)!.asOf).toBe(to);
            for (const point of answer.points) {
              // A point's stamp is the last event that changed its month or an earlier one (the month tables'), not the last fact dated by then.
              expect(point).toEqual({ ...dashboards.dashboard(city, programme, point.asOf), lastEventPosition: point.lastEventPosition, updatedAt: point.updatedAt });
              expect(BigInt(point.lastEventPosition) > 0n || point.enrolled === 0).toBe(true);
            }
          }
        }),
      ),
      { numRuns: 15 },
    );
  });

  it("starts by default at the scope's first enrolment and ends today, month end by month end", async () => {
    await withReaders(7, [1, 2, 3], (series) => {
      const answer = series.series('paris', null, null, null);
      expect(answer.to).toBe(TODAY);
      expect(answer.points[0]!.enrolled).toBeGreaterThan(0);
      expect(answer.points.map((p) => p.asOf).slice(-2)).toEqual(['2025-12-31', TODAY]);
      expect(answer.points.slice(0, -1).every((p) => new Date(`${p.asOf}T00:00:00Z`).getUTCDate() >= 28)).toBe(true);
    });
  });

  it('gives researchers their month-end dashboards, cut at the last month end they may see', async () => {
    await withReaders(11, [0, 5, 9], async (series, models) => {
      const researcher = models.reader();
      const latest = researcher.researchMonthEnd();
      const answer = await series.researchSeries('paris', null, null, '2030-01-01', (cell) => cell.n);
      expect(answer.to).toBe(latest);
      expect(answer.points).toHaveLength(24);
      expect(answer.points.at(-1)!.asOf).toBe(latest);
      for (const point of answer.points) expect(point).toEqual(await researcher.researchDashboard('paris', null, point.asOf, (cell) => cell.n));
    });
  });

  it('refuses a start after the end, an end after today, and more than 600 months, with field errors', async () => {
    await withReaders(3, [1], (series) => {
      const fieldsOf = (act: () => unknown) => {
        try {
          act();
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidInput);
          return (error as InvalidInput).fieldErrors.map((e) => e.field);
        }
        throw new Error('not refused');
      };
      expect(fieldsOf(() => series.series('paris', null, '2008-05-01', '2008-01-01'))).toEqual(['from']);
      expect(fieldsOf(() => series.series('paris', null, null, '2026-01-02'))).toEqual(['to']);
      expect(fieldsOf(() => series.series('paris', null, '1900-01-01', '2008-01-01'))).toEqual(['from']);
      expect(fieldsOf(() => series.series('atlantis', null, null, null))).toEqual(['city']);
    });
  });
});
