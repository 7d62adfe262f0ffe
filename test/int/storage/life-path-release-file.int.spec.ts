import { statSync, writeFileSync } from 'node:fs';
import { lifePathReleaseFile, openLifePathReleaseFile } from '../../../src/storage/life-path-release-file';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

const tables = (db: ReturnType<typeof openSqliteDatabase>): string[] =>
  db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();

describe('the life-path release file beside the read models (real SQLite files)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('is created beside the read models, readable by the service user only, and kept while laid out for the same version', () => {
    const readModels = openSqliteDatabase(tmp.file('kept.db'));
    try {
      const first = openLifePathReleaseFile(readModels, 3);
      first.exec('CREATE TABLE computed (x INTEGER)');
      first.close();
      expect(statSync(lifePathReleaseFile(tmp.file('kept.db'))).mode & 0o777).toBe(0o600);
      const again = openLifePathReleaseFile(readModels, 3);
      expect(tables(again)).toEqual(['computed']);
      again.close();
    } finally {
      readModels.close();
    }
  });

  it('is emptied when laid out for another version of its tables', () => {
    const readModels = openSqliteDatabase(tmp.file('other-layout.db'));
    try {
      const old = openLifePathReleaseFile(readModels, 1);
      old.exec('CREATE TABLE computed (x INTEGER)');
      old.close();
      const current = openLifePathReleaseFile(readModels, 2);
      expect(tables(current)).toEqual([]);
      expect(current.pragma('user_version', { simple: true })).toBe(2);
      current.close();
    } finally {
      readModels.close();
    }
  });

  it('is replaced by an empty one when damaged: everything in it can be computed again', () => {
    const readModels = openSqliteDatabase(tmp.file('damaged.db'));
    try {
      writeFileSync(lifePathReleaseFile(tmp.file('damaged.db')), 'not a database, whatever a crash left'.repeat(200));
      const replaced = openLifePathReleaseFile(readModels, 1);
      expect(tables(replaced)).toEqual([]);
      replaced.close();
    } finally {
      readModels.close();
    }
  });

  it('is in memory for read models in memory', () => {
    const readModels = openSqliteDatabase(':memory:');
    const releases = openLifePathReleaseFile(readModels, 1);
    expect(releases.memory).toBe(true);
    releases.close();
    readModels.close();
  });
});
