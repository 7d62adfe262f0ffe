import Database from 'better-sqlite3';
import { renameStagedTables, stageTables } from '../../../src/projections/staged-tables';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

const TABLES = ['parents', 'children', 'notes'];

describe("rebuilt tables copied into the live file a step at a time, then renamed (int, real SQLite files)", () => {
  const tmp = tempDir('journey-staged-');
  let live: Database.Database;
  let other: Database.Database;
  afterAll(() => tmp.remove());

  beforeEach(() => {
    const file = tmp.file(`live-${Date.now()}.db`);
    const asideFile = `${file}.aside`;
    const aside = openSqliteDatabase(asideFile);
    // A rowid table, a WITHOUT ROWID one keyed on two columns that refers to the first, a table of no key but its rowid.
    aside.exec(`
      CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
      CREATE TABLE children (parent INTEGER NOT NULL REFERENCES parents (id), n INTEGER NOT NULL, PRIMARY KEY (parent, n)) STRICT, WITHOUT ROWID;
      CREATE TABLE "notes" (text TEXT NOT NULL) STRICT;
      CREATE INDEX notes_by_text ON notes (text);
    `);
    aside.transaction(() => {
      for (let id = 1; id <= 25; id++) {
        aside.prepare('INSERT INTO parents VALUES (?, ?)').run(id, `parent ${id}`);
        for (let n = 1; n <= 3; n++) aside.prepare('INSERT INTO children VALUES (?, ?)').run(id, n);
        aside.prepare('INSERT INTO notes VALUES (?)').run(`note ${id}`);
      }
    })();
    aside.close();
    live = openSqliteDatabase(file);
    live.prepare('ATTACH DATABASE ? AS aside').run(asideFile);
    // Another process's connection, which tries the lock without waiting.
    other = new Database(file);
    other.pragma('busy_timeout = 0');
  });

  afterEach(() => {
    other.close();
    live.close();
  });

  const rowsOf = (schema: string, table: string, key: string) => live.prepare(`SELECT * FROM ${schema}.${table} ORDER BY ${key}`).all();

  it('copies each table row for row, leaving the write lock free between steps, and names them as the live tables once renamed', async () => {
    let copying = true;
    let lockFreeWhileCopying = 0;
    const staged = other.prepare<[], number>("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'rebuild_staged_%'").pluck();
    const tryTheLock = async () => {
      while (copying) {
        try {
          other.exec('BEGIN IMMEDIATE');
          other.exec('COMMIT');
          if (staged.get()! > 0) lockFreeWhileCopying += 1;
        } catch {
          // Held by a step of the copy.
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const trying = tryTheLock();
    try {
      await stageTables(live, 'aside', TABLES, 10);
    } finally {
      copying = false;
      await trying;
    }

    expect(lockFreeWhileCopying).toBeGreaterThan(0);
    expect(rowsOf('main', 'rebuild_staged_parents', 'id')).toEqual(rowsOf('aside', 'parents', 'id'));
    expect(rowsOf('main', 'rebuild_staged_children', 'parent, n')).toEqual(rowsOf('aside', 'children', 'parent, n'));
    expect(rowsOf('main', 'rebuild_staged_notes', 'rowid')).toEqual(rowsOf('aside', 'notes', 'rowid'));
    expect(rowsOf('main', 'rebuild_staged_children', 'parent, n')).toHaveLength(75);

    renameStagedTables(live, TABLES);
    const tables = live.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' ORDER BY name").all();
    expect(tables.map((t) => t.name)).toEqual(['children', 'notes', 'parents']);
    // The child's foreign key follows its parent's copy, renamed with it.
    expect(tables[0]!.sql).toMatch(/REFERENCES "parents" \(id\)/);
    expect(live.pragma('foreign_key_check')).toEqual([]);
    // Indexes are the renaming caller's to make, under their own names.
    expect(live.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").all()).toEqual([]);
  });

  it("replaces the staged tables a copy cut short left, whatever they held", async () => {
    live.exec('CREATE TABLE rebuild_staged_notes (junk TEXT); INSERT INTO rebuild_staged_notes VALUES (1), (2)');

    await stageTables(live, 'aside', TABLES, 1_000);

    expect(rowsOf('main', 'rebuild_staged_notes', 'rowid')).toEqual(rowsOf('aside', 'notes', 'rowid'));
  });

  it('refuses a table the attached file does not define, and stages nothing of it', async () => {
    await expect(stageTables(live, 'aside', ['absent'], 10)).rejects.toThrow('Cannot stage table absent: its definition was not found in aside');
    expect(live.prepare("SELECT name FROM main.sqlite_schema WHERE name LIKE 'rebuild_staged_%'").all()).toEqual([]);
  });
});
