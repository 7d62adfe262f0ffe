import { mkdirSync, writeFileSync } from 'node:fs';
import { FileNotCheckable, isOpenElsewhere } from '../../../src/storage/file-in-use';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

describe('whether a SQLite file is open elsewhere, as the restore asks before replacing it (int, real files)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('answers true while another connection has the file open, false once it is closed', () => {
    const file = tmp.file('held.db');
    const service = openSqliteDatabase(file);
    service.exec('CREATE TABLE t (x)');

    expect(isOpenElsewhere(file)).toBe(true);
    service.close();
    expect(isOpenElsewhere(file)).toBe(false);
  });

  it('answers false for a file that is not there, its companions left or not', () => {
    writeFileSync(tmp.file('gone.db-wal'), '');

    expect(isOpenElsewhere(tmp.file('gone.db'))).toBe(false);
    expect(isOpenElsewhere(tmp.file('never.db'))).toBe(false);
  });

  it.each([
    ['a folder', () => mkdirSync(tmp.file('a-folder.db')), 'a-folder.db', 'it is not a file'],
    ['a path through a file', () => writeFileSync(tmp.file('plain'), ''), 'plain/inside.db', 'ENOTDIR'],
  ])('refuses to answer "free" for %s SQLite cannot open: FILE_NOT_CHECKABLE, with why', (_, make, name, reason) => {
    make();
    const file = tmp.file(name);

    const asked = () => isOpenElsewhere(file);

    expect(asked).toThrow(FileNotCheckable);
    expect(asked).toThrow(expect.objectContaining({ code: 'FILE_NOT_CHECKABLE', file, message: expect.stringContaining(reason) }));
  });
});
