import { chmodSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);
const filesOf = (file: string) => [file, `${file}-wal`, `${file}-shm`];

describe('the SQLite files are readable by the service’s user only (mode 0600)', () => {
  let folder: ReturnType<typeof tempDir>;
  const connections: Database.Database[] = [];

  beforeEach(() => {
    folder = tempDir('journey-file-modes-');
  });

  afterEach(() => {
    for (const db of connections.splice(0)) db.close();
    folder.remove();
  });

  it('creates the database file, its write-ahead log and its shared-memory index so', () => {
    const file = folder.file('data/journeys.db');
    const db = openSqliteDatabase(file);
    connections.push(db);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');

    expect(filesOf(file).map(modeOf)).toEqual(['600', '600', '600']);
  });

  it('sets files left readable by an earlier version so when it opens them', () => {
    const file = folder.file('journeys.db');
    // As an earlier version left them: created with the process's umask, here readable by everyone.
    const earlier = new Database(file);
    connections.push(earlier);
    earlier.pragma('journal_mode = WAL');
    earlier.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    for (const path of filesOf(file)) chmodSync(path, 0o644);

    connections.push(openSqliteDatabase(file));

    expect(filesOf(file).map(modeOf)).toEqual(['600', '600', '600']);
  });
});
