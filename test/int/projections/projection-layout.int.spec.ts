import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import type { Projection } from '../../../src/projections/projection';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { rebuildProjection } from '../../../src/projections/rebuild-projections';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { runnerFiles } from './runner-files';
import { appendEvents, checkpointOf, eventCounts, lastPosition } from './test-projections';

/** eventCounts at its second layout: the same name and table, one more column. */
const eventCountsV2 = (): Projection => ({
  name: 'event-counts',
  tables: ['event_counts'],
  layout: 2,
  open(db) {
    db.exec('CREATE TABLE IF NOT EXISTS event_counts (type TEXT PRIMARY KEY, count INTEGER NOT NULL, last_position INTEGER NOT NULL) STRICT');
    const count = db.prepare<[string, bigint]>(
      `INSERT INTO event_counts (type, count, last_position) VALUES (?, 1, ?)
       ON CONFLICT (type) DO UPDATE SET count = count + 1, last_position = excluded.last_position`,
    );
    return {
      apply: (e) => {
        count.run(e.type, e.position);
        return [];
      },
    };
  },
});

const counts = (db: Database.Database): Record<string, number> =>
  Object.fromEntries(db.prepare<[], { type: string; count: number }>('SELECT type, count FROM event_counts').all().map((r) => [r.type, r.count]));

describe('projection layouts (int, real SQLite file)', () => {
  const files = runnerFiles('journey-projection-layout-');
  let db: Database.Database;
  let store: SqliteEventStore;
  beforeEach(() => ({ db, store } = files.opened()));

  /** Runs the projection until it has folded in everything appended so far, then stops it. */
  async function runToHead(projection: Projection): Promise<void> {
    const runner = new ProjectionRunner(db, store, [projection], { batchSize: 4 });
    runner.start();
    try {
      expect(await runner.waitUntilCaughtUp(await store.headPosition(), 10_000)).toBe(true);
    } finally {
      await runner.stop();
    }
  }

  it('given tables of an earlier layout, drops them and folds the whole log into the new layout', async () => {
    const events = await appendEvents(store, 10);
    await runToHead(eventCounts());

    await runToHead(eventCountsV2());

    expect(counts(db)).toEqual({ ParticipantEnrolled: 3, CoachingSessionHeld: 3, ActivityStarted: 2, JobStarted: 2 });
    expect(db.prepare('SELECT max(last_position) FROM event_counts').pluck().safeIntegers().get()).toBe(lastPosition(events));
    expect(checkpointOf(db, 'event-counts')).toBe(lastPosition(events));
    expect(Logger.prototype.log).toHaveBeenCalledWith(expect.stringContaining('laid out for version 1, not 2'));
  });

  it('given tables of its own layout, goes on from its checkpoint without folding anything again', async () => {
    await appendEvents(store, 6);
    await runToHead(eventCountsV2());
    const more = await appendEvents(store, 2);

    await runToHead(eventCountsV2());

    expect(Object.values(counts(db)).reduce((a, b) => a + b, 0)).toBe(8);
    expect(checkpointOf(db, 'event-counts')).toBe(lastPosition(more));
    expect(Logger.prototype.log).not.toHaveBeenCalledWith(expect.stringContaining('laid out for version'));
  });

  it('takes tables built before layouts were recorded for layout 1', async () => {
    await appendEvents(store, 5);
    await runToHead(eventCounts());
    db.exec('DELETE FROM projection_layouts');

    await runToHead(eventCounts());

    expect(Object.values(counts(db)).reduce((a, b) => a + b, 0)).toBe(5);
    expect(Logger.prototype.log).not.toHaveBeenCalledWith(expect.stringContaining('laid out for version'));
  });

  it('records the layout a rebuild swaps in, so that the runner keeps the rebuilt tables', async () => {
    await appendEvents(store, 7);
    await runToHead(eventCounts());
    const other = openSqliteDatabase(db.name);
    try {
      await rebuildProjection(other, new SqliteEventStore(other), eventCountsV2());
    } finally {
      other.close();
    }

    await runToHead(eventCountsV2());

    expect(Object.values(counts(db)).reduce((a, b) => a + b, 0)).toBe(7);
    expect(Logger.prototype.log).not.toHaveBeenCalledWith(expect.stringContaining('laid out for version'));
  });
});
