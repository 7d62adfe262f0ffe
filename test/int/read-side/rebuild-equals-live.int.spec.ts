import type Database from 'better-sqlite3';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import type { Projection } from '../../../src/projections/projection';
import { SqliteKeyVault } from '../../../src/personal-data/sqlite-key-vault';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { rebuildProjection } from '../../../src/projections/rebuild-projections';
import { registeredProjections } from '../../support/registered-projections';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { decidedJourneys, interleave, recordSealed } from '../../support/programme-journeys';
import { tempDir } from '../../support/temp-files';
import { readModel } from '../projections/test-projections';

const DAY_MS = 24 * 60 * 60 * 1_000;

describe('every registered read model (int, real SQLite files)', () => {
  const tmp = tempDir('journey-rebuild-equals-live-');
  afterAll(() => tmp.remove());

  it('rebuilt from the whole log in large batches equals what the live runner folded in small ones', async () => {
    const file = tmp.file('journeys.db');
    const db = openSqliteDatabase(file);
    const rebuilder = openSqliteDatabase(file);
    const projections = registeredProjections(new SqliteKeyVault(db));
    try {
      const store = new SqliteEventStore(db);
      const log = interleave(decidedJourneys(11, 0.1, (i) => i % 7 === 0, 4), [3, 1, 4, 1, 5, 9, 2, 6]);
      // Recorded a day apart, over several months: month-end snapshots of life paths exist too.
      const recordedDaily = log.map((e, i) => ({ ...e, metadata: { ...e.metadata, recordedAt: new Date(Date.UTC(2026, 0, 1, 12) + i * DAY_MS).toISOString() } }));
      await recordSealed(store, new SqliteKeyVault(db), recordedDaily);
      const runner = new ProjectionRunner(db, store, projections, { batchSize: 7 });
      runner.start();
      expect(await runner.waitUntilCaughtUp(await store.headPosition(), 30_000)).toBe(true);
      await runner.stop();
      const live = projections.map((p) => readModel(db, p));

      for (const projection of projections) await rebuildProjection(rebuilder, new SqliteEventStore(rebuilder), projection);

      expect(projections.map((p) => readModel(db, p))).toEqual(live);
      expect(live.every((tables) => Object.values(tables).every((rows) => rows.length > 0))).toBe(true);
      // Copied in under other names and renamed: the tables and their indexes are as the projections make them, and no copy is left.
      const fresh = openSqliteDatabase(tmp.file('fresh.db'));
      try {
        for (const projection of projections) projection.open(fresh);
        expect(schemaOf(db, projections)).toEqual(schemaOf(fresh, projections));
      } finally {
        fresh.close();
      }
      expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'rebuild%'").all()).toEqual([]);
    } finally {
      rebuilder.close();
      db.close();
    }
  });
});

/**
 * The projections' tables and their indexes as SQLite keeps them, those of SQLite's own constraints
 * included; a table's name unquoted (a renamed table's definition quotes it).
 */
function schemaOf(db: Database.Database, projections: readonly Projection[]) {
  const tables = projections.flatMap((p) => p.tables);
  return db
    .prepare<[string], { type: string; name: string; tbl_name: string; sql: string | null }>(
      'SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE tbl_name IN (SELECT value FROM json_each(?)) ORDER BY type, name',
    )
    .all(JSON.stringify(tables))
    .map((entry) => ({ ...entry, sql: entry.sql?.replace(/^CREATE TABLE "(\w+)"/, 'CREATE TABLE $1') ?? null }));
}
