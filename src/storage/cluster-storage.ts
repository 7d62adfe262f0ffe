import type { Provider } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { EventStoreDBClient } from '@eventstore/db-client';
import { connectEventStoreDb } from '../event-store/esdb/esdb-connection';
import { EsdbEventStore } from '../event-store/esdb/esdb-event-store';
import { EsdbKeyVault } from '../personal-data/esdb-key-vault';
import { forgetKeysOnErasure } from './forget-erased-keys';
import { OPEN_STORAGE, type OpenStorage } from './open-storage';
import { openReadModelFile } from './read-model-file';
import { StoreHealth } from './store-health';
import { EVENT_STORE, KEY_VAULT, READ_MODEL_DATABASE } from './storage.tokens';

const ESDB_CLIENT = Symbol('ESDB_CLIENT');

/**
 * Cluster mode: events and participants' keys in EventStoreDB, shared by every replica; the read
 * models in this replica's own file, folded from the cluster's log.
 */
export function clusterStorage(connectionString: string, readModelFile: string): Provider[] {
  return [
    { provide: ESDB_CLIENT, useFactory: () => connectEventStoreDb(connectionString) },
    { provide: READ_MODEL_DATABASE, useFactory: () => openReadModelFile(readModelFile) },
    { provide: EVENT_STORE, useFactory: (client: EventStoreDBClient) => new EsdbEventStore(client), inject: [ESDB_CLIENT] },
    {
      provide: KEY_VAULT,
      useFactory: (client: EventStoreDBClient, store: EsdbEventStore) => {
        const vault = new EsdbKeyVault(client);
        forgetKeysOnErasure(store, vault);
        return vault;
      },
      inject: [ESDB_CLIENT, EVENT_STORE],
    },
    { provide: StoreHealth, useFactory: (db: Database.Database) => new StoreHealth([db]), inject: [READ_MODEL_DATABASE] },
    {
      provide: OPEN_STORAGE,
      useFactory: (db: Database.Database, store: EsdbEventStore): OpenStorage => ({
        close: async () => {
          await store.close();
          db.close();
        },
      }),
      inject: [READ_MODEL_DATABASE, EVENT_STORE],
    },
  ];
}
