import type Database from 'better-sqlite3';
import { START_OF_LOG } from '../event-store/event-store.port';
import type { Projection, ReadModelProblem } from './projection';
import type { ProjectionCheckpoints } from './projection-checkpoints';
import { ProjectionGenerations } from './projection-generations';
import { dropTables } from './projection-tables';
import { verifyProjection } from './verify-projection';

/**
 * Empties a projection for a fold from the start: drops its tables, moves its checkpoint to the
 * start of the log and tells readers of every process that the tables they cached are gone. In
 * the caller's transaction.
 */
export function resetProjection(db: Database.Database, projection: Projection, checkpoints: ProjectionCheckpoints): void {
  dropTables(db, projection);
  checkpoints.write(projection.name, START_OF_LOG);
  new ProjectionGenerations(db).bump(projection.name);
}

/**
 * When the projection's checkpoint does not describe its tables (lost while they hold rows, behind
 * them), folding on from it would count events twice: resets the projection instead, so that it
 * folds the log again from the start. Answers the problems that made it reset, none when it did not.
 */
export function resetIfCheckpointUntrusted(db: Database.Database, projection: Projection, checkpoints: ProjectionCheckpoints): ReadModelProblem[] {
  const untrusted = (): ReadModelProblem[] => verifyProjection(db, projection).problems.filter((p) => p.kind === 'checkpoint');
  // The usual answer, found without taking the write lock.
  if (untrusted().length === 0) return [];
  const reset = db.transaction((): ReadModelProblem[] => {
    // Again under the lock: a rebuild may have swapped sound tables in since.
    const found = untrusted();
    if (found.length > 0) resetProjection(db, projection, checkpoints);
    return found;
  });
  return reset.immediate();
}
