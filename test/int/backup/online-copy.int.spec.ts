import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { copyOnline } from '../../../src/backup/online-copy';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

describe('copyOnline: SQLite’s online backup of a file another connection writes to (int, real SQLite files)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('copies one snapshot, without starting over, while the other connection commits between its steps', async () => {
    const source = tmp.file('live.db');
    const service = openSqliteDatabase(source);
    service.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)');
    const insert = service.prepare('INSERT INTO rows (payload) VALUES (?)');
    // About 12 MB: several steps of the copy.
    service.transaction(() => {
      for (let i = 0; i < 3_000; i++) insert.run(Buffer.alloc(4_000, i % 256));
    })();

    const copied: number[] = [];
    await copyOnline(source, tmp.file('copy.db'), {
      progressed: (done) => {
        copied.push(done);
        // The service commits meanwhile: SQLite would start the copy over at its next step without the snapshot.
        insert.run(Buffer.alloc(4_000, 7));
      },
      finished: () => undefined,
    });

    expect(copied.length).toBeGreaterThan(2);
    expect(copied).toEqual([...copied].sort((a, b) => a - b));
    expect(new Set(copied).size).toBe(copied.length);
    expect(service.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(3_000 + copied.length);
    service.close();

    const copy = new Database(tmp.file('copy.db'), { readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(3_000);
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
    expect((statSync(tmp.file('copy.db')).mode & 0o777).toString(8)).toBe('600');
  });
});
