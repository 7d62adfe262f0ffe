import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import type { ProjectionRunner } from '../../../src/projections/projection-runner';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

/** What a test of a describe block using runnerFiles works on. */
export interface RunnerFiles {
  /** This test's SQLite file and the event store on it. */
  opened(): { db: Database.Database; store: SqliteEventStore };
  /** A file of this test's own beside it, e.g. for a replay to compare with. */
  fileOfTest(name: string): string;
  /** Keeps the runner to stop after the test, whatever the test left running. */
  stopAfter(runner: ProjectionRunner): ProjectionRunner;
}

/**
 * A new SQLite file and event store for each test of the describe block that calls it, the
 * runners a test kept stopped after it, and the runners' logs kept quiet: the failures some
 * tests provoke are logged, and are what those tests are about.
 */
export function runnerFiles(prefix: string): RunnerFiles {
  const tmp = tempDir(prefix);
  const runners: ProjectionRunner[] = [];
  let files = 0;
  let current: { db: Database.Database; store: SqliteEventStore } | undefined;

  beforeEach(() => {
    const db = openSqliteDatabase(tmp.file(`journeys-${++files}.db`));
    current = { db, store: new SqliteEventStore(db) };
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    current!.db.close();
    jest.restoreAllMocks();
  });

  afterAll(() => tmp.remove());

  return {
    opened: () => current!,
    fileOfTest: (name) => tmp.file(`${files}-${name}`),
    stopAfter: (runner) => {
      runners.push(runner);
      return runner;
    },
  };
}
