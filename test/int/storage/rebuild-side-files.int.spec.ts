import { closeSync, existsSync, openSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { rebuildProjection } from '../../../src/projections/rebuild-projections';
import { newRebuildSideFile, openRebuildSideFile, removeStaleRebuildSideFiles } from '../../../src/storage/rebuild-side-files';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';
import { appendEvents, eventCounts } from '../projections/test-projections';

describe('side files of rebuilds (int, real SQLite files)', () => {
  let folder: ReturnType<typeof tempDir>;
  let database: string;
  const open: Database.Database[] = [];

  const sideFilesLeft = () => readdirSync(folder.dir).filter((name) => name.includes('.rebuild-'));

  beforeEach(() => {
    folder = tempDir('journey-side-files-');
    database = folder.file('journeys.db');
  });

  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close();
    folder.remove();
  });

  it('keeps the side file of a rebuild running in this process, from its first batch to its swap', async () => {
    const db = openSqliteDatabase(database);
    open.push(db);
    await appendEvents(new SqliteEventStore(db), 30);
    const seen: { removed: string[]; running: string[] }[] = [];
    const look = () => seen.push(removeStaleRebuildSideFiles(database));

    await rebuildProjection(db, new SqliteEventStore(db), eventCounts(), { batchSize: 10, listener: { started: look, progressed: look, copying: look, swapping: look, finished: look } });

    expect(seen.length).toBeGreaterThan(3);
    for (const { removed, running } of seen) {
      expect(removed).toEqual([]);
      expect(running).toHaveLength(1);
    }
    expect(sideFilesLeft()).toEqual([]);
  });

  it('removes a side file no connection holds, and one SQLite cannot even read', () => {
    const closed = newRebuildSideFile(database, 'outcomes');
    const aside = openRebuildSideFile(closed);
    aside.exec('CREATE TABLE t (x)');
    aside.close();
    const garbage = newRebuildSideFile(database, 'life-paths');
    writeFileSync(garbage, 'not a database at all, as a rebuild killed mid-write may leave');
    writeFileSync(`${garbage}-wal`, 'frames');

    const { removed, running } = removeStaleRebuildSideFiles(database);

    expect(removed.sort()).toEqual([closed, garbage].sort());
    expect(running).toEqual([]);
    expect(sideFilesLeft()).toEqual([]);
  });

  it('keeps a file with no table yet for a minute (a rebuild that has just created it), then removes it', () => {
    const starting = newRebuildSideFile(database, 'case-files');
    closeSync(openSync(starting, 'a'));

    expect(removeStaleRebuildSideFiles(database).running).toEqual([starting]);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(starting, twoMinutesAgo, twoMinutesAgo);
    expect(removeStaleRebuildSideFiles(database).removed).toEqual([starting]);
    expect(existsSync(starting)).toBe(false);
  });

  it('leaves other files of the folder alone', () => {
    writeFileSync(folder.file('journeys.db.bak'), 'a backup');
    writeFileSync(folder.file('other.db.rebuild-outcomes-x'), 'another database’s');

    expect(removeStaleRebuildSideFiles(database)).toEqual({ removed: [], running: [] });
    expect(readdirSync(folder.dir).sort()).toEqual(['journeys.db.bak', 'other.db.rebuild-outcomes-x']);
  });
});
