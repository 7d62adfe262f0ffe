import type { AppConfig } from '../config/config';
import { openSqliteDatabase } from './sqlite-database';

/** The SQLite files the process keeps its data in: its read models' (in embedded mode, the events' too), and the key vault's when apart. */
export const storageFiles = ({ readModelFile, keyVaultFile }: Pick<AppConfig, 'readModelFile' | 'keyVaultFile'>): string[] =>
  [readModelFile, keyVaultFile].filter((file): file is string => file !== null);

/**
 * Opens and closes each file once before the service starts: a damaged one is refused here with
 * DamagedDatabaseFile, in one line of its own, rather than in the middle of the framework's start.
 */
export function checkStorageFiles(config: Pick<AppConfig, 'readModelFile' | 'keyVaultFile'>): void {
  for (const file of storageFiles(config)) openSqliteDatabase(file).close();
}
