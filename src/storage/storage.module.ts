import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { clusterStorage } from './cluster-storage';
import { embeddedStorage } from './embedded-storage';
import { OPEN_STORAGE, type OpenStorage } from './open-storage';
import { StoreHealth } from './store-health';
import { EVENT_STORE, KEY_VAULT, READ_MODEL_DATABASE } from './storage.tokens';

/**
 * The storage ports, on the embedded SQLite store or on an EventStoreDB cluster as EVENT_STORE_URL
 * says; either way the read models are a SQLite file of this process.
 */
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(OPEN_STORAGE) private readonly storage: OpenStorage) {}

  static forRoot({
    eventStore,
    keyVaultFile,
    readModelFile,
    storeLockWaitSeconds,
  }: Pick<AppConfig, 'eventStore' | 'keyVaultFile' | 'readModelFile' | 'storeLockWaitSeconds'>): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers:
        eventStore.kind === 'sqlite'
          ? embeddedStorage(eventStore.file, keyVaultFile, storeLockWaitSeconds * 1_000)
          : clusterStorage(eventStore.connectionString, readModelFile),
      exports: [READ_MODEL_DATABASE, EVENT_STORE, KEY_VAULT, StoreHealth],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
