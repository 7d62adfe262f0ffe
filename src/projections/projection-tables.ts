import type Database from 'better-sqlite3';
import type { Projection } from './projection';

export const quoteIdentifier = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

/** `PRAGMA secure_delete`'s values, as it answers them (0, 1, 2). */
const SECURE_DELETE = ['OFF', 'ON', 'FAST'] as const;

/**
 * Drops the projection's tables, children before parents, should they reference one another.
 * The file runs with `secure_delete`, which overwrites every freed page with zeros: for a read
 * model that holds only what the log holds (`holdsOnlyTheLog`) that protects nothing, and costs
 * as much as writing the tables again (a rebuild's swap spent most of its time there), so it is
 * off for their drop only, in the caller's transaction.
 */
export function dropTables(db: Database.Database, projection: Projection): void {
  const drop = () => {
    for (const table of [...projection.tables].reverse()) db.exec(`DROP TABLE IF EXISTS main.${quoteIdentifier(table)}`);
  };
  if (!projection.holdsOnlyTheLog) return drop();
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = OFF');
  try {
    drop();
  } finally {
    db.pragma(`secure_delete = ${SECURE_DELETE[secureDelete]}`);
  }
}
