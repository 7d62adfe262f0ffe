import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { participantOfStream } from '../../../src/journey/application/journey-repository';
import { SqliteKeyVault } from '../../../src/personal-data/sqlite-key-vault';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { rebuildProjection } from '../../../src/projections/rebuild-projections';
import { CaseFilesProjection } from '../../../src/read-side/cases/case-files.projection';
import { CaseFilesReader } from '../../../src/read-side/cases/case-files.reader';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { decidedJourneys, interleave, recordSealed } from '../../support/programme-journeys';
import { tempDir } from '../../support/temp-files';

/** Each participant's number as the log orders enrolments: 1, 2, 3… per city. */
function numbersInLogOrder(log: readonly StoredEvent[]): Map<string, { city: string; number: number }> {
  const counts = new Map<string, number>();
  const numbers = new Map<string, { city: string; number: number }>();
  for (const { type, data, streamId } of log) {
    if (type !== 'ParticipantEnrolled') continue;
    const city = data.city as string;
    const number = (counts.get(city) ?? 0) + 1;
    counts.set(city, number);
    numbers.set(participantOfStream(streamId)!, { city, number });
  }
  return numbers;
}

describe('case reference numbers (int, real SQLite files)', () => {
  const tmp = tempDir('journey-case-references-');
  afterAll(() => tmp.remove());
  let run = 0;

  it('are 1..n per city in the order of the log, folded live in batches of any size and rebuilt in batches of any other', async () => {
    const runs = fc.tuple(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
      fc.integer({ min: 1, max: 300 }),
      fc.integer({ min: 1, max: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(runs, async ([seed, picks, liveBatch, rebuildBatch]) => {
        const file = tmp.file(`run-${run++}.db`);
        const db = openSqliteDatabase(file);
        const rebuilder = openSqliteDatabase(file);
        try {
          const store = new SqliteEventStore(db);
          // Re-enrolments and erasures among them: neither takes a number.
          await recordSealed(store, new SqliteKeyVault(db), interleave(decidedJourneys(seed, 0.05, (i) => i % 3 === 0, 2), picks));
          const log = await store.readAll(0n, Number.MAX_SAFE_INTEGER);
          const expected = numbersInLogOrder(log);
          const projection = new CaseFilesProjection(BUILT_IN_CATALOGUE);
          const reader = new CaseFilesReader(db);
          const numbers = () => new Map([...expected.keys()].map((id) => [id, reader.caseNumber(id)]));

          const runner = new ProjectionRunner(db, store, [projection], { batchSize: liveBatch });
          runner.start();
          expect(await runner.waitUntilCaughtUp(await store.headPosition(), 30_000)).toBe(true);
          await runner.stop();
          expect(numbers()).toEqual(expected);

          await rebuildProjection(rebuilder, new SqliteEventStore(rebuilder), projection, { batchSize: rebuildBatch });
          expect(numbers()).toEqual(expected);
          for (const [id, number] of expected) expect(reader.participantNumbered(number)).toBe(id);
        } finally {
          rebuilder.close();
          db.close();
        }
      }),
      { numRuns: 6 },
    );
  });
});
