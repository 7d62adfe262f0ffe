import fc from 'fast-check';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { SqliteKeyVault } from '../../../src/personal-data/sqlite-key-vault';
import { rebuildProjection } from '../../../src/projections/rebuild-projections';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { decidedJourneys, interleave, recordSealed } from '../../support/programme-journeys';
import { registeredProjections } from '../../support/registered-projections';
import { tempDir } from '../../support/temp-files';
import { readModel } from '../projections/test-projections';

const DAY_MS = 24 * 60 * 60 * 1_000;
/** The read models whose writers hold what a batch changes in memory, and write each record once per batch. */
const BATCHED = ['case-files', 'life-paths', 'case-search', 'outcomes'];

describe('a replay in batches (int, property, real SQLite files)', () => {
  const tmp = tempDir('journey-batched-replay-');
  afterAll(() => tmp.remove());

  it('gives the rows of a replay one event at a time, however many events of a case a batch holds', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 12 }),
        // From a few events a batch to the whole log in one: a case's events all in one batch, and its enrolment too.
        fc.integer({ min: 2, max: 400 }),
        // Days between recordings: several events of a case in one month, or months apart (life paths' month ends).
        fc.integer({ min: 0, max: 9 }),
        async (seed, picks, batchSize, daysApart) => {
          const db = openSqliteDatabase(tmp.file(`journeys-${run++}.db`));
          try {
            const store = new SqliteEventStore(db);
            const keys = new SqliteKeyVault(db);
            const log = interleave(decidedJourneys(seed, 0.02, (i) => i % 3 === 0, 3), picks).map((e, i) => ({
              ...e,
              metadata: { ...e.metadata, recordedAt: new Date(Date.UTC(2026, 0, 28, 12) + i * daysApart * DAY_MS).toISOString() },
            }));
            await recordSealed(store, keys, log);
            for (const projection of registeredProjections(keys).filter((p) => BATCHED.includes(p.name))) {
              await rebuildProjection(db, store, projection, { batchSize: 1 });
              const oneAtATime = readModel(db, projection);
              await rebuildProjection(db, store, projection, { batchSize });
              expect(readModel(db, projection)).toEqual(oneAtATime);
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
