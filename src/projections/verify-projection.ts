import type Database from 'better-sqlite3';
import { type GlobalPosition, START_OF_LOG } from '../event-store/event-store.port';
import { errorMessage } from './error-message';
import type { ReadModelCheck, ReadModelProblem } from './projection';
import { ProjectionCheckpoints } from './projection-checkpoints';
import { quoteIdentifier as quote } from './projection-tables';
import { isBusy } from '../storage/write-ahead-log';

/** What verifying one projection found. */
export interface ProjectionVerdict {
  projection: string;
  /** Null where no checkpoint row is. */
  checkpoint: GlobalPosition | null;
  /** Empty when nothing was found wrong. */
  problems: ReadModelProblem[];
}

/**
 * Checks a projection's checkpoint against its tables and the log, then the projection's own
 * checks (`Projection.verify`), all in one read transaction: a consistent snapshot, whatever the
 * runner or a rebuild commits meanwhile. Aggregate queries only, never a fold of the log, so that
 * it can run at every start. A check that fails to run (a row no longer JSON) is a problem too;
 * a file locked by another connection is thrown, for the caller to try again.
 */
export function verifyProjection(db: Database.Database, projection: ReadModelCheck): ProjectionVerdict {
  try {
    const checkpoints = new ProjectionCheckpoints(db);
    return db.transaction((): ProjectionVerdict => {
      const found = checkpoints.find(projection.name) ?? null;
      return { projection: projection.name, checkpoint: found, problems: problemsOf(db, projection, found) };
    })();
  } catch (error) {
    // Another connection holds the file: the check can run later, and says nothing of the tables.
    if (isBusy(error)) throw error;
    const message = `its tables could not be checked: ${errorMessage(error)}`;
    return { projection: projection.name, checkpoint: null, problems: [{ kind: 'rows', message }] };
  }
}

function problemsOf(db: Database.Database, projection: ReadModelCheck, checkpoint: GlobalPosition | null): ReadModelProblem[] {
  const missing = projection.tables.filter((table) => !tableExists(db, table));
  const present = projection.tables.filter((table) => !missing.includes(table));
  if (checkpoint === null) {
    const filled = present.filter((table) => db.prepare(`SELECT EXISTS (SELECT 1 FROM main.${quote(table)})`).pluck().get() === 1);
    if (filled.length === 0) return [];
    const message = `no checkpoint, yet ${filled.join(', ')} hold rows: folding the log from the start over them would count its events twice`;
    return [{ kind: 'checkpoint', message }];
  }
  const head = db.prepare<[], bigint>('SELECT coalesce(max(global_position), 0) FROM events').pluck().safeIntegers().get()!;
  if (checkpoint > head) return [{ kind: 'checkpoint', message: `checkpoint ${checkpoint} is beyond the log's last event (${head})` }];
  if (missing.length > 0) {
    if (checkpoint === START_OF_LOG) return [];
    return [{ kind: 'checkpoint', message: `table ${missing.join(', ')} missing, yet its checkpoint is at ${checkpoint}` }];
  }
  return projection.verify?.(db, checkpoint) ?? [];
}

const tableExists = (db: Database.Database, table: string): boolean =>
  db.prepare<[string], number>("SELECT count(*) FROM main.sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) === 1;
