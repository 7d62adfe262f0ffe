import type Database from 'better-sqlite3';
import { START_OF_LOG } from '../event-store/event-store.port';
import type { Projection } from './projection';
import type { ProjectionCheckpoints } from './projection-checkpoints';
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
  const name = projection.name;
  const layout = layoutOf(projection);
  // At the start of the log, tables hold nothing: their rows commit with the checkpoint.
  const found = (): number | undefined => checkpoints.layout(name) ?? (checkpoints.read(name) > START_OF_LOG ? FIRST_LAYOUT : undefined);
  // Read first, without the write lock, since it is the usual answer.
  if (found() === layout && checkpoints.layout(name) === layout) return null;
  const reset = db.transaction((): number | null => {
    const before = found();
    if (before !== layout) {
      dropTables(db, projection);
      if (before !== undefined) checkpoints.write(name, START_OF_LOG);
    }
    checkpoints.writeLayout(name, layout);
    return before === layout ? null : (before ?? null);
  });
  // IMMEDIATE: a rebuild swapping its tables in between the check and the drop would be dropped unseen.
  return reset.immediate();
}
