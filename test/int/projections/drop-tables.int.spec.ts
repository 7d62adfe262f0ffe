import type Database from 'better-sqlite3';
import type { Projection } from '../../../src/projections/projection';
import { dropTables } from '../../../src/projections/projection-tables';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { storedBytes } from '../../support/stored-bytes';
import { tempDir } from '../../support/temp-files';

/** A text no other byte of the file holds, on enough rows to fill pages of their own. */
const MARK = 'Zebulon Quagga, 12 rue des Okapis';

const marked = (holdsOnlyTheLog: boolean): Projection => ({
  name: 'marked',
  tables: ['marked'],
  holdsOnlyTheLog,
  open(db) {
    db.exec('CREATE TABLE IF NOT EXISTS marked (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');
    return { apply: () => [] };
  },
});

describe('dropping a projection’s tables (int, real SQLite file)', () => {
  const tmp = tempDir('journey-drop-tables-');
  const connections: Database.Database[] = [];
  afterEach(() => connections.splice(0).forEach((db) => db.close()));
  afterAll(() => tmp.remove());

  function filled(file: string, projection: Projection): Database.Database {
    const db = openSqliteDatabase(file);
    connections.push(db);
    projection.open(db);
    const insert = db.prepare<[string]>('INSERT INTO marked (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run(`${MARK} #${i}`);
    })();
    return db;
  }

  it('overwrites the pages of tables that hold more than the log, as the file’s secure_delete does for any row', () => {
    const file = tmp.file('more-than-the-log.db');
    const db = filled(file, marked(false));

    db.transaction(() => dropTables(db, marked(false))).immediate();
    db.pragma('wal_checkpoint(TRUNCATE)');

    expect(storedBytes(file).includes(MARK)).toBe(false);
  });

  it.each([
    ['ON', 1],
    ['FAST', 2],
  ])('drops tables that hold only the log without overwriting them, and leaves secure_delete %s for what comes next', (setting, answer) => {
    const db = filled(tmp.file(`only-the-log-${setting}.db`), marked(true));
    db.pragma(`secure_delete = ${setting}`);

    db.transaction(() => dropTables(db, marked(true))).immediate();

    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'marked'").pluck().get()).toBe(0);
    expect(db.pragma('secure_delete', { simple: true })).toBe(answer);
  });
});
