import type Database from 'better-sqlite3';
import { isDamage } from './damaged-database-file';
import { openConfigured, removeSqliteFile } from './sqlite-database';

/**
 * The file beside the read models' where computed life-path releases are kept
 * (read-side/life-paths/release-tables.ts). Not in the read models' own file: a release's paths
 * are written in pseudonym order, a random one, and there every row would cost a page of that
 * file's write-ahead log, which a snapshot held open for the whole computing keeps from being
 * checkpointed (gigabytes at a million participants). Derived data only: never backed up, removed
 * on a restore, and computed again when missing.
 */
export const lifePathReleaseFile = (readModelFile: string): string => `${readModelFile}.life-path-releases`;

/** Removes the release file of `readModelFile` and SQLite's files beside it. */
export function removeLifePathReleaseFile(readModelFile: string): void {
  removeSqliteFile(lifePathReleaseFile(readModelFile));
}

/**
 * Opens the release file of the read models' connection `readModel` (in memory for an in-memory
 * one), laid out for version `layout` of its tables: a damaged one, or one of another layout, is
 * replaced by an empty one.
 */
export function openLifePathReleaseFile(readModel: Database.Database, layout: number): Database.Database {
  if (readModel.memory) return laidOut(openConfigured(':memory:', withPragmas), layout);
  const file = lifePathReleaseFile(readModel.name);
  try {
    const db = openConfigured(file, withPragmas);
    if (db.pragma('user_version', { simple: true }) === layout) return db;
    db.close();
  } catch (error) {
    if (!isDamage(error)) throw error;
  }
  removeLifePathReleaseFile(readModel.name);
  return laidOut(openConfigured(file, withPragmas), layout);
}

const laidOut = (db: Database.Database, layout: number): Database.Database => {
  db.pragma(`user_version = ${layout}`);
  return db;
};

function withPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // A power loss may take the last slices written, never a release already complete (its row is written last).
  db.pragma('synchronous = NORMAL');
  // A release's paths are inserted at random places of the table: the pages above its leaves stay in memory.
  db.pragma(`cache_size = -${CACHE_KIB}`);
}

/** 64 MiB. */
const CACHE_KIB = 65_536;
