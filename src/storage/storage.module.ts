import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { AppConfig } from '../config/config';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import { SqliteKeyVault } from '../personal-data/sqlite-key-vault';
import { openSqliteDatabase } from './sqlite-database';
import { EVENT_STORE, KEY_VAULT, SQLITE_DATABASE } from './storage.tokens';

/** The embedded store: events and participants' keys in one SQLite file. */
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(SQLITE_DATABASE) private readonly db: Database.Database) {}

  static forRoot(eventStore: AppConfig['eventStore']): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [
        { provide: SQLITE_DATABASE, useFactory: () => openSqliteDatabase(eventStore.file) },
        { provide: EVENT_STORE, useFactory: (db: Database.Database) => new SqliteEventStore(db), inject: [SQLITE_DATABASE] },
        { provide: KEY_VAULT, useFactory: (db: Database.Database) => new SqliteKeyVault(db), inject: [SQLITE_DATABASE] },
      ],
      exports: [SQLITE_DATABASE, EVENT_STORE, KEY_VAULT],
    };
  }

  onApplicationShutdown(): void {
    this.db.close();
  }
}
