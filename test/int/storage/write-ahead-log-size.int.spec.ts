import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openSqliteDatabase, WRITE_AHEAD_LOG_KEPT_BYTES } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

const ROW_BYTES = 1024 * 1024;

describe('the write-ahead log shrinks back once a long read no longer holds it', () => {
  let folder: ReturnType<typeof tempDir>;
  const connections: Database.Database[] = [];

  beforeEach(() => {
    folder = tempDir('journey-wal-size-');
  });

  afterEach(() => {
    for (const db of connections.splice(0)) db.close();
    folder.remove();
  });

  it('grows past its kept size while a reader holds an old snapshot, and is cut back to it after', () => {
    const file = folder.file('journeys.db');
    const db = openSqliteDatabase(file);
    const reader = openSqliteDatabase(file);
    connections.push(db, reader);
    db.exec('CREATE TABLE t (x BLOB)');
    const insert = db.prepare('INSERT INTO t VALUES (randomblob(?))');
    const walBytes = () => statSync(`${file}-wal`).size;

    // A snapshot held open, as a catch-up's month snapshot or an online backup holds one.
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM t').get();
    const rows = Math.ceil((WRITE_AHEAD_LOG_KEPT_BYTES * 1.5) / ROW_BYTES);
    for (let row = 0; row < rows; row += 1) insert.run(ROW_BYTES);
    const grown = walBytes();
    reader.exec('COMMIT');

    // The next writes checkpoint the whole log and then start it over from its beginning.
    for (let row = 0; row < 8; row += 1) insert.run(ROW_BYTES);

    expect(grown).toBeGreaterThan(WRITE_AHEAD_LOG_KEPT_BYTES);
    expect(walBytes()).toBeLessThanOrEqual(WRITE_AHEAD_LOG_KEPT_BYTES);
  });
});
