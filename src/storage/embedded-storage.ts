import type { Provider } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { SqliteKeyVault } from '../personal-data/sqlite-key-vault';
import { openKeyVaultFile } from './key-vault-file';
import { openReadModelFile } from './read-model-file';
import { StoreHealth } from './store-health';
import { OPEN_STORAGE, type OpenStorage } from './open-storage';
import { EVENT_STORE, KEY_VAULT, READ_MODEL_DATABASE } from './storage.tokens';
import { UnusedKeyCollector } from './unused-key-collector';

/** The connection holding the keys: the event store's, or one to KEY_VAULT_FILE. */
const KEY_VAULT_DATABASE = Symbol('KEY_VAULT_DATABASE');

/**
 * The embedded store: events and read models in one SQLite file, keys in it or in a file of their
 * own. Appends and new keys wait `lockWaitMs` at most for another process's write lock.
 */
export function embeddedStorage(file: string, keyVaultFile: string | null, lockWaitMs: number): Provider[] {
  return [
    { provide: READ_MODEL_DATABASE, useFactory: () => openReadModelFile(file) },
    { provide: EVENT_STORE, useFactory: (db: Database.Database) => new SqliteEventStore(db, { lockWaitMs }), inject: [READ_MODEL_DATABASE] },
    {
      provide: KEY_VAULT_DATABASE,
      useFactory: (db: Database.Database) => (keyVaultFile === null ? db : openKeyVaultFile(db, keyVaultFile)),
      inject: [READ_MODEL_DATABASE],
    },
    {
      provide: KEY_VAULT,
      useFactory: (keysDb: Database.Database) => new SqliteKeyVault(keysDb, { lockWaitMs, onTheEventLog: keyVaultFile === null }),
      inject: [KEY_VAULT_DATABASE],
    },
    {
      provide: StoreHealth,
      useFactory: (db: Database.Database, keysDb: Database.Database) => new StoreHealth([db, keysDb]),
      inject: [READ_MODEL_DATABASE, KEY_VAULT_DATABASE],
    },
    {
      provide: UnusedKeyCollector,
      useFactory: (store: SqliteEventStore, vault: SqliteKeyVault) => new UnusedKeyCollector(store, vault),
      inject: [EVENT_STORE, KEY_VAULT],
    },
    {
      provide: OPEN_STORAGE,
      useFactory: (db: Database.Database, keysDb: Database.Database, vault: SqliteKeyVault): OpenStorage => ({
        close: async () => {
          vault.close();
          if (keysDb !== db) keysDb.close();
          db.close();
        },
      }),
      inject: [READ_MODEL_DATABASE, KEY_VAULT_DATABASE, KEY_VAULT],
    },
  ];
}
