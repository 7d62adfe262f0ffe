import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { connectEventStoreDb } from '../event-store/esdb/esdb-connection';
import { EsdbEventStore } from '../event-store/esdb/esdb-event-store';
import type { EventStore } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { openSqliteDatabase } from '../storage/sqlite-database';
import type { Projection } from './projection';
import { selectProjections, UnknownProjection } from './projection-names';
import type { ReportOutput } from './rebuild-progress-report';

/** What a projections command line works on, and where it reports. */
export interface ProjectionCommandContext {
  /** The read models' file, which the running service may have open too: in embedded mode, the store's own file. */
  readModelFile: string;
  /** The EventStoreDB connection string in cluster mode; absent, the events are in the read models' file. */
  eventStoreDb?: string;
  /** Every registered projection, as the service runs them. */
  projections: readonly Projection[];
  stdout: ReportOutput;
  stderr: { write(text: string): unknown };
}

/** Exit code of a command line whose database file does not exist. */
export const EXIT_NO_DATABASE = 1;
/** Exit code of a command line naming no registered projection. */
export const EXIT_UNKNOWN_PROJECTION = 2;

/**
 * Runs `command` on the projections named (all of them when none is) and a connection of its own
 * to the database, closed after it; resolves with its exit code, or says why it could not run.
 */
export async function onProjections(
  names: readonly string[],
  context: ProjectionCommandContext,
  command: (db: Database.Database, store: EventStore, projections: Projection[]) => Promise<number>,
): Promise<number> {
  let projections: Projection[];
  try {
    projections = selectProjections(context.projections, names);
  } catch (error) {
    if (!(error instanceof UnknownProjection)) throw error;
    context.stderr.write(`${error.message}\n`);
    return EXIT_UNKNOWN_PROJECTION;
  }
  // Opening would create an empty file: a mistyped setting must not look like an empty log, or a replica without read models.
  if (!existsSync(context.readModelFile)) {
    context.stderr.write(`No database at ${context.readModelFile}: check ${context.eventStoreDb ? 'READ_MODEL_PATH' : 'EVENT_STORE_URL'}\n`);
    return EXIT_NO_DATABASE;
  }
  const db = openSqliteDatabase(context.readModelFile);
  const store = context.eventStoreDb ? new EsdbEventStore(connectEventStoreDb(context.eventStoreDb)) : null;
  try {
    return await command(db, store ?? new SqliteEventStore(db), projections);
  } finally {
    await store?.close();
    db.close();
  }
}
