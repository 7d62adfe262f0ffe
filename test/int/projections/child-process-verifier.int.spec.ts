import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import { SqliteKeyVault } from '../../../src/personal-data/sqlite-key-vault';
import { ChildProcessVerifier } from '../../../src/projections/child-process-verifier';
import type { ReadModelVerifier } from '../../../src/projections/read-model-verifier';
import { ProjectionCheckpoints } from '../../../src/projections/projection-checkpoints';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { verifyProjection } from '../../../src/projections/verify-projection';
import { readModelVerifier } from '../../../src/read-side/read-model-verification';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { decidedJourneys, interleave, recordSealed } from '../../support/programme-journeys';
import { registeredProjections } from '../../support/registered-projections';
import { eventually } from '../../support/eventually';
import { tempDir } from '../../support/temp-files';

describe("the read models' verification process (int, a real SQLite file, a child process)", () => {
  const tmp = tempDir('journey-verifier-');
  let db: Database.Database;
  let verifier: ReadModelVerifier;
  const projections = registeredProjections();

  beforeAll(async () => {
    db = openSqliteDatabase(tmp.file('read-models.db'));
    const store = new SqliteEventStore(db);
    await recordSealed(store, new SqliteKeyVault(db), interleave(decidedJourneys(6, 0.1, (i) => i % 4 === 0, 3), [3, 1, 4]));
    const runner = new ProjectionRunner(db, store, registeredProjections(new SqliteKeyVault(db)), { batchSize: 50 });
    runner.start();
    expect(await runner.waitUntilCaughtUp(await store.headPosition(), 30_000)).toBe(true);
    await runner.stop();
    verifier = readModelVerifier(db, BUILT_IN_CATALOGUE);
  });

  afterAll(async () => {
    await verifier.close();
    db.close();
    tmp.remove();
  });

  /** The verification processes this test's process started and that still run. */
  const children = () => {
    try {
      return execFileSync('pgrep', ['-P', String(process.pid), '-f', 'read-model-verification.child'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    } catch {
      return []; // pgrep exits 1 when none matches
    }
  };
  const inChild = () => Promise.all(projections.map((projection) => verifier.verify(projection)));
  const onServiceConnection = () => projections.map((projection) => verifyProjection(db, projection));

  it('finds what verifying on the service’s own connection finds, read model by read model: intact, then damaged', async () => {
    const intact = await inChild();
    expect(intact.map((verdict) => verdict.problems)).toEqual([[], [], [], []]);
    expect(intact).toEqual(onServiceConnection());

    db.exec("UPDATE outcome_counters SET value = value + 1 WHERE scope = 'paris' AND counter = 'enrolled'");
    db.exec('DELETE FROM case_files WHERE case_id = (SELECT min(case_id) FROM case_files)');
    try {
      const damaged = await inChild();
      expect(damaged).toEqual(onServiceConnection());
      expect(damaged.map((verdict) => verdict.problems.length)).toEqual([expect.any(Number), expect.any(Number), 0, 0]);
      expect(damaged[0]!.problems.length).toBeGreaterThan(0);
      expect(damaged[1]!.problems.length).toBeGreaterThan(0);
    } finally {
      db.exec("UPDATE outcome_counters SET value = value - 1 WHERE scope = 'paris' AND counter = 'enrolled'");
    }
  });

  it('reads one committed state on a connection of its own: a write the service has not committed is not seen', async () => {
    db.exec('BEGIN');
    db.exec('DELETE FROM life_paths');
    try {
      const [, , lifePaths] = await inChild();
      expect(lifePaths!.problems).toEqual([]);
    } finally {
      db.exec('ROLLBACK');
    }
  });

  it('refuses a read model it does not know, and answers the next', async () => {
    await expect(verifier.verify({ name: 'no-such-model', tables: [] })).rejects.toThrow('The verification process knows no read model named no-such-model');
    expect((await verifier.verify(projections[2]!)).problems).toEqual([]);
  });

  it('closed, its connection is gone: the service’s own close is then the last, which folds the write-ahead log back into the file', async () => {
    const file = tmp.file('closing.db');
    const own = openSqliteDatabase(file);
    // As the runner's loops do before they ask: the checkpoints' table is made on the service's connection.
    new ProjectionCheckpoints(own);
    const closing = readModelVerifier(own, BUILT_IN_CATALOGUE);
    expect((await closing.verify(projections[0]!)).problems).toEqual([]);
    await closing.close();
    own.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('ended by something else (killed, crashed), answers the next verification in a new process, even one asked before that end was seen', async () => {
    expect((await verifier.verify(projections[2]!)).problems).toEqual([]);
    const [pid] = children();
    process.kill(Number(pid), 'SIGKILL');
    await eventually('the killed process is gone', () => !children().includes(pid!));
    expect((await verifier.verify(projections[2]!)).projection).toBe('life-paths');

    const [next] = children();
    process.kill(Number(next), 'SIGKILL');
    expect((await verifier.verify(projections[2]!)).projection).toBe('life-paths');
    expect(children()).not.toContain(pid);
    expect(children()).not.toContain(next);
  });

  it('asks a verification again of a new process when the one asked ends without answering, and refuses it if that one ends too', async () => {
    const starts = tmp.file('starts.txt');
    const ending = new ChildProcessVerifier(require.resolve('../../support/ending-verification.child.ts'), { starts });
    try {
      await expect(ending.verify(projections[0]!)).rejects.toThrow("The read models' verification process ended (exit code 70) before answering");
      expect(new Set(readFileSync(starts, 'utf8').split('\n').filter(Boolean)).size).toBe(2);
    } finally {
      await ending.close();
    }
  });

  it('ends its process once it has had nothing to do for a while, and starts one again when asked', async () => {
    await verifier.close();
    const resting = new ChildProcessVerifier(require.resolve('../../../src/read-side/read-model-verification.child.ts'), { file: db.name, catalogue: BUILT_IN_CATALOGUE }, 300);
    try {
      await Promise.all([resting.verify(projections[0]!), resting.verify(projections[2]!)]);
      const [first] = children();
      expect(first).toBeDefined();
      await eventually('the idle process ended', () => children().length === 0);

      expect((await resting.verify(projections[1]!)).problems).toEqual([]);
      expect(children()).toHaveLength(1);
      expect(children()).not.toContain(first);
    } finally {
      await resting.close();
    }
  });

  it('closed, refuses at once what it had not answered (a shutdown waits for no verification), and starts again when asked', async () => {
    const awaited = verifier.verify(projections[1]!);
    await verifier.close();
    await expect(awaited).rejects.toThrow("The read models' verification process was closed");
    expect((await verifier.verify(projections[2]!)).projection).toBe('life-paths');
  });
});
