import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { isHeldOr } from './file-in-use';
import { openConfigured, removeSqliteFile, SQLITE_COMPANIONS } from './sqlite-database';

/** Longer than a rebuild takes from creating its file to writing its first table, by far. */
const STARTING_FOR_MS = 60_000;

const sideFilePrefix = (databaseFile: string): string => `${basename(databaseFile)}.rebuild-`;

/** A new file beside `databaseFile` for a rebuild of `projection` to build in: `<file>.rebuild-<projection>-<uuid>`. */
export const newRebuildSideFile = (databaseFile: string, projection: string): string =>
  join(dirname(databaseFile), `${sideFilePrefix(databaseFile)}${projection.replace(/[^\w.-]/g, '_')}-${randomUUID()}`);

/**
 * Opens a rebuild's side file. In WAL mode, a connection holds a shared lock on the file from its
 * first write until it closes: that lock is how a starting service tells a running rebuild's file
 * (keep it) from a killed one's (remove it). Other connections may still read it (the swap's ATTACH).
 */
export function openRebuildSideFile(file: string): Database.Database {
  // Owner-only: it holds the same sealed data as the live file.
  return openConfigured(file, (aside) => {
    aside.pragma('journal_mode = WAL');
    // A throwaway copy: a crash loses only the copy, so durability would be paid for nothing.
    aside.pragma('synchronous = OFF');
    // As on the live file (openSqliteDatabase), so that a projection behaves the same on both.
    aside.pragma('foreign_keys = ON');
  });
}

/** Removes a side file and SQLite's files beside it. */
export function removeRebuildSideFile(file: string): void {
  removeSqliteFile(file);
}

/**
 * Removes the side files of rebuilds that no longer run beside `databaseFile` (killed, or a
 * machine that stopped), and answers them. A rebuild running now, in this process or another,
 * holds its file's lock and keeps it.
 */
export function removeStaleRebuildSideFiles(databaseFile: string, now = Date.now()): { removed: string[]; running: string[] } {
  const prefix = sideFilePrefix(databaseFile);
  const folder = dirname(databaseFile);
  const names = readdirSync(folder).filter((name) => name.startsWith(prefix));
  const sideFiles = [...new Set(names.map((name) => SQLITE_COMPANIONS.reduce<string>((base, suffix) => (base.endsWith(suffix) ? base.slice(0, -suffix.length) : base), name)))];
  const removed: string[] = [];
  const running: string[] = [];
  for (const name of sideFiles) {
    const file = join(folder, name);
    if (isInUse(file, now)) running.push(file);
    else {
      removeRebuildSideFile(file);
      removed.push(file);
    }
  }
  return { removed, running };
}

/**
 * Whether a rebuild holds the file: SQLite cannot take an exclusive lock on it. A file that is
 * free but holds no table yet may be a rebuild's that has just created it: it counts as in use
 * for a minute. A file SQLite cannot read at all (a rebuild killed mid-write) is not in use.
 */
function isInUse(file: string, now: number): boolean {
  return isHeldOr(file, (db) => {
    const tables = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
    return tables === 0 && now - statSync(file).mtimeMs < STARTING_FOR_MS;
  });
}
