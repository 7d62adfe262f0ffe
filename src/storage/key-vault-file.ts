import type Database from 'better-sqlite3';
import { ConfigError } from '../config/config';
import { openSqliteDatabase } from './sqlite-database';

/** The tables of src/personal-data/sqlite-key-vault.ts. */
const KEY_TABLES = ['participant_keys', 'shredded_keys'];

/**
 * The key vault's own file (KEY_VAULT_FILE), opened with the same pragmas and mode as the event
 * store's. Refused while the event store's file still holds keys: a vault started empty beside
 * them would read every participant's personal data as erased, and could give an erased
 * participant a new key.
 */
export function openKeyVaultFile(eventStoreDb: Database.Database, file: string): Database.Database {
  const found = KEY_TABLES.filter(
    (table) =>
      eventStoreDb.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined &&
      eventStoreDb.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined,
  );
  if (found.length > 0) {
    throw new ConfigError(
      `KEY_VAULT_FILE is set, but the event store's file still holds participants' keys (${found.join(', ')}): ` +
        'move them to the key vault file first (docs/operations.md, "Keys apart from the data")',
    );
  }
  return openSqliteDatabase(file);
}
