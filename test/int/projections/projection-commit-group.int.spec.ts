import { ProjectionCommitGroup } from '../../../src/projections/projection-commit-group';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

const FULL = 2;

describe("ProjectionCommitGroup: the loops' commits of one turn together (int, real SQLite file)", () => {
  const tmp = tempDir('journey-projection-commit-group-');
  afterAll(() => tmp.remove());

  function open() {
    const db = openSqliteDatabase(tmp.file(`${Math.random().toString(36).slice(2)}.db`));
    db.exec('CREATE TABLE rows (name TEXT NOT NULL)');
    const insert = db.prepare<[string]>('INSERT INTO rows (name) VALUES (?)');
    const names = () => db.prepare('SELECT name FROM rows ORDER BY rowid').pluck().all();
    // As a loop's commit is: a transaction function of its own, nested in the group's.
    const work = (name: string, fail = false) =>
      db.transaction(() => {
        insert.run(name);
        if (fail) throw new Error(`${name} refused`);
        return name;
      });
    return { db, names, work };
  }

  it("commits the work asked for in one turn in one transaction, without waiting for the disk nor in SQLite's busy wait, and rolls back only a failing one's writes", async () => {
    const { db, names, work } = open();
    const group = new ProjectionCommitGroup(db);
    const exec = jest.spyOn(db, 'exec');

    const outcomes = await Promise.allSettled([group.commit(work('a')), group.commit(work('b', true)), group.commit(work('c'))]);

    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : String(o.reason)))).toEqual(['a', 'Error: b refused', 'c']);
    expect(names()).toEqual(['a', 'c']);
    expect(exec.mock.calls).toEqual([['PRAGMA busy_timeout = 0'], ['PRAGMA synchronous = NORMAL'], ['PRAGMA synchronous = FULL'], ['PRAGMA busy_timeout = 5000']]);
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    db.close();
  });

  it('rejects every commit of the group when its transaction cannot begin (one already open), and commits the next group', async () => {
    const { db, names, work } = open();
    const group = new ProjectionCommitGroup(db);
    db.exec('BEGIN');

    const refused = await Promise.allSettled([group.commit(work('a')), group.commit(work('b'))]);
    db.exec('ROLLBACK');
    await group.commit(work('c'));

    expect(refused.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(names()).toEqual(['c']);
    db.close();
  });
});
