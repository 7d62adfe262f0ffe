import type Database from 'better-sqlite3';
import type { Projection } from './projection';

export const quoteIdentifier = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

/** Drops the projection's tables, children before parents, should they reference one another. */
export function dropTables(db: Database.Database, projection: Projection): void {
  for (const table of [...projection.tables].reverse()) db.exec(`DROP TABLE IF EXISTS main.${quoteIdentifier(table)}`);
}
