import type Database from 'better-sqlite3';
import { START_OF_LOG } from '../event-store/event-store.port';
import type { Projection } from './projection';
import type { ProjectionCheckpoints } from './projection-checkpoints';
import { resetProjection } from './projection-reset';
import { dropTables } from './projection-tables';

/** What a projection without a layout is at, and what tables folded before layouts were recorded were. */
const FIRST_LAYOUT = 1;

export const layoutOf = (projection: Projection): number => projection.layout ?? FIRST_LAYOUT;

/**
 * When the projection's tables were laid out by another version of it, drops them and moves its
 * checkpoint back to the start of the log, in one transaction, so that it folds every event again
 * into tables of its current layout; records the layout of tables yet to be made. Answers the
 * layout of the tables it dropped, null when it dropped none that held anything.
 */
export function resetIfLaidOutOtherwise(db: Database.Database, projection: Projection, checkpoints: ProjectionCheckpoints): number | null {
  const { name } = projection;
  const layout = layoutOf(projection);
  // The usual answer, read without taking the write lock.
  if (checkpoints.layout(name) === layout) return null;
  const reset = db.transaction((): number | null => {
    // Read again under the lock: a rebuild may have swapped its tables in since.
    const recorded = checkpoints.layout(name);
    // At the start of the log, tables hold nothing: their rows commit with the checkpoint.
    const folded = checkpoints.read(name) > START_OF_LOG;
    const found = recorded ?? (folded ? FIRST_LAYOUT : null);
    checkpoints.writeLayout(name, layout);
    if (found === layout) return null;
    if (!folded) {
      dropTables(db, projection);
      return null;
    }
    resetProjection(db, projection, checkpoints);
    return found;
  });
  return reset.immediate();
}
