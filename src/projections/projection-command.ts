import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { connectEventStoreDb } from '../event-store/esdb/esdb-connection';
import { EsdbEventStore } from '../event-store/esdb/esdb-event-store';
import type { EventStore } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { EsdbKeyVault } from '../personal-data/esdb-key-vault';
import type { KeyVault } from '../personal-data/key-vault.port';
import { SqliteKeyVault } from '../personal-data/sqlite-key-vault';
import { openKeyVaultFile } from '../storage/key-vault-file';
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
  /** Embedded mode: the keys' own file (KEY_VAULT_FILE); absent, the keys are in the read models' file too. */
  keyVaultFile?: string;
  /** Every registered projection, as the service runs them, on the participants' keys (which the index of names reads). */
  projections: (keys: KeyVault) => readonly Projection[];
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
  // Opening would create an empty file: a mistyped setting must not look like an empty log, or a replica without read models.
  if (!existsSync(context.readModelFile)) {
    context.stderr.write(`No database at ${context.readModelFile}: check ${context.eventStoreDb ? 'READ_MODEL_PATH' : 'EVENT_STORE_URL'}\n`);
    return EXIT_NO_DATABASE;
  }
  const db = openSqliteDatabase(context.readModelFile);
  const stores = context.eventStoreDb ? clusterStores(context.eventStoreDb) : embeddedStores(db, context.keyVaultFile);
  try {
    let projections: Projection[];
    try {
      projections = selectProjections(context.projections(stores.keys), names);
    } catch (error) {
      if (!(error instanceof UnknownProjection)) throw error;
      context.stderr.write(`${error.message}\n`);
      return EXIT_UNKNOWN_PROJECTION;
    }
    return await command(db, stores.events, projections);
  } finally {
    await stores.close();
    db.close();
  }
}

/** The log and the keys a command line reads, as the service has them. */
interface Stores {
  events: EventStore;
  keys: KeyVault;
  close(): Promise<void>;
}

function clusterStores(connectionString: string): Stores {
  const client = connectEventStoreDb(connectionString);
  // The store owns the client: closing it closes the vault's too.
  const events = new EsdbEventStore(client);
  return { events, keys: new EsdbKeyVault(client), close: () => events.close() };
}

function embeddedStores(db: Database.Database, keyVaultFile: string | undefined): Stores {
  const keysDb = keyVaultFile === undefined ? db : openKeyVaultFile(db, keyVaultFile);
  const keys = new SqliteKeyVault(keysDb);
  const close = async () => {
    keys.close();
    if (keysDb !== db) keysDb.close();
  };
  return { events: new SqliteEventStore(db), keys, close };
}
