import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';
import { appendEvents, faultyProjection, lastPosition, seenPositions } from './test-projections';
import { eventually } from '../../support/eventually';

const FULL = 2;

describe("projections' commits and the events' durability (int, real SQLite file)", () => {
  const tmp = tempDir('journey-projection-commits-');
  afterAll(() => tmp.remove());

  it('leaves the connection at synchronous=FULL for the next append, after a commit and after a failed one', async () => {
    const db = openSqliteDatabase(tmp.file('journeys.db'));
    const store = new SqliteEventStore(db);
    const failing = faultyProjection({ active: true });
    const runner = new ProjectionRunner(db, store, [seenPositions(), failing], { batchSize: 10, retry: { firstDelayMs: 5, maxDelayMs: 20 } });
    runner.start();
    try {
      const appended = await appendEvents(store, 25, { poison: true });
      await eventually('one projection caught up, the other failing', () => {
        const [seen, faulty] = runner.status();
        return seen.position === lastPosition(appended) && faulty.failedAttempts > 0;
      });
      expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    } finally {
      await runner.stop();
      db.close();
    }
  });
});
