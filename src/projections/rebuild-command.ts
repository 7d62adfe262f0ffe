import { existsSync } from 'node:fs';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { openSqliteDatabase } from '../storage/sqlite-database';
import type { Projection } from './projection';
import { selectProjections, UnknownProjection } from './projection-names';
import { type ReportOutput, rebuildProgressReport } from './rebuild-progress-report';
import { rebuildProjection } from './rebuild-projections';

export interface RebuildCommandContext {
  /** The embedded store's file, which the running service may have open too. */
  databaseFile: string;
  /** Every registered projection, as the service runs them. */
  projections: readonly Projection[];
  stdout: ReportOutput;
  stderr: { write(text: string): unknown };
}

/** Exit code of a command line naming no registered projection. */
export const EXIT_UNKNOWN_PROJECTION = 2;

/**
 * `projections:rebuild [name…]`: rebuilds the projections named, or all of them, one after the
 * other. Resolves with the exit code: 0 done, 1 no database, 2 unknown projection name.
 */
export async function runRebuildCommand(names: readonly string[], context: RebuildCommandContext): Promise<number> {
  let projections: Projection[];
  try {
    projections = selectProjections(context.projections, names);
  } catch (error) {
    if (!(error instanceof UnknownProjection)) throw error;
    context.stderr.write(`${error.message}\n`);
    return EXIT_UNKNOWN_PROJECTION;
  }
  // Opening would create an empty file: a mistyped EVENT_STORE_URL must not look like an empty log.
  if (!existsSync(context.databaseFile)) {
    context.stderr.write(`No database at ${context.databaseFile}: check EVENT_STORE_URL\n`);
    return 1;
  }
  const db = openSqliteDatabase(context.databaseFile);
  try {
    const store = new SqliteEventStore(db);
    const listener = rebuildProgressReport(context.stdout);
    for (const projection of projections) await rebuildProjection(db, store, projection, { listener });
    return 0;
  } finally {
    db.close();
  }
}
