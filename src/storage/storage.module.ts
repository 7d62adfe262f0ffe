import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { AppConfig } from '../config/config';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { SqliteKeyVault } from '../personal-data/sqlite-key-vault';
import { openKeyVaultFile } from './key-vault-file';
import { removeStaleRebuildSideFiles } from './rebuild-side-files';
import { openSqliteDatabase } from './sqlite-database';
import { StoreHealth } from './store-health';
import { EVENT_STORE, KEY_VAULT, SQLITE_DATABASE } from './storage.tokens';
import { UnusedKeyCollector } from './unused-key-collector';

/** The connection holding the keys: the event store's, or one to KEY_VAULT_FILE. */
const KEY_VAULT_DATABASE = Symbol('KEY_VAULT_DATABASE');

/** The embedded store: events in one SQLite file, and participants' keys in it or in a file of their own. */
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(
    @Inject(SQLITE_DATABASE) private readonly db: Database.Database,
    @Inject(KEY_VAULT_DATABASE) private readonly keysDb: Database.Database,
    @Inject(KEY_VAULT) private readonly vault: SqliteKeyVault,
  ) {}

  static forRoot({ eventStore, keyVaultFile }: Pick<AppConfig, 'eventStore' | 'keyVaultFile'>): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [
        { provide: SQLITE_DATABASE, useFactory: () => openEventStoreFile(eventStore.file) },
        { provide: EVENT_STORE, useFactory: (db: Database.Database) => new SqliteEventStore(db), inject: [SQLITE_DATABASE] },
        {
          provide: KEY_VAULT_DATABASE,
          useFactory: (db: Database.Database) => (keyVaultFile === null ? db : openKeyVaultFile(db, keyVaultFile)),
          inject: [SQLITE_DATABASE],
        },
        { provide: KEY_VAULT, useFactory: (keysDb: Database.Database) => new SqliteKeyVault(keysDb), inject: [KEY_VAULT_DATABASE] },
        {
          provide: StoreHealth,
          useFactory: (db: Database.Database, keysDb: Database.Database) => new StoreHealth([db, keysDb]),
          inject: [SQLITE_DATABASE, KEY_VAULT_DATABASE],
        },
        {
          provide: UnusedKeyCollector,
          useFactory: (store: SqliteEventStore, vault: SqliteKeyVault) => new UnusedKeyCollector(store, vault),
          inject: [EVENT_STORE, KEY_VAULT],
        },
      ],
      exports: [SQLITE_DATABASE, EVENT_STORE, KEY_VAULT, StoreHealth],
    };
  }

  onApplicationShutdown(): void {
    this.vault.close();
    if (this.keysDb !== this.db) this.keysDb.close();
    this.db.close();
  }
}

/** The event store's file, once the files of rebuilds that no longer run are removed from beside it. */
function openEventStoreFile(file: string): Database.Database {
  const db = openSqliteDatabase(file);
  if (db.memory) return db;
  const { removed, running } = removeStaleRebuildSideFiles(file);
  if (removed.length + running.length > 0) {
    new Logger('Storage').log(
      `Removed ${removed.length} file(s) left by rebuilds that did not finish [${removed.join(', ')}]; ` +
        `kept ${running.length} of a rebuild still running [${running.join(', ')}]`,
    );
  }
  return db;
}
