import type Database from 'better-sqlite3';
import { START_OF_LOG } from '../event-store/event-store.port';
import type { Projection, ReadModelCheck, ReadModelProblem } from './projection';
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
 * folds the log again from the start. `found` is what verifying it found, without the write lock;
 * `check` (the projection's whole verification unless told otherwise) confirms it under the lock.
 * Answers the problems that made it reset, none when it did not.
 */
export function resetIfCheckpointUntrusted(
  db: Database.Database,
  projection: Projection,
  checkpoints: ProjectionCheckpoints,
  found: readonly ReadModelProblem[],
  check: ReadModelCheck = projection,
): ReadModelProblem[] {
  const untrusted = (problems: readonly ReadModelProblem[]): ReadModelProblem[] => problems.filter((p) => p.kind === 'checkpoint');
  if (untrusted(found).length === 0) return [];
  const reset = db.transaction((): ReadModelProblem[] => {
    // Again under the lock: a rebuild may have swapped sound tables in since.
    const confirmed = untrusted(verifyProjection(db, check).problems);
    if (confirmed.length > 0) resetProjection(db, projection, checkpoints);
    return confirmed;
  });
  return reset.immediate();
}
