import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { damagedFile, isDamage } from './damaged-database-file';

const IN_MEMORY = ':memory:';
/** SQLite's files beside a database file, which go with it. */
export const SQLITE_COMPANIONS = ['-journal', '-wal', '-shm'] as const;
/** Long enough to outwait another process's write (a rebuild CLI), short enough to surface a stuck lock. */
const BUSY_TIMEOUT_MS = 5_000;
/** The file holds sealed personal data, and maybe the keys that open it: only the service's user may read it. */
const OWNER_ONLY = 0o600;
/**
 * The write-ahead log's size once SQLite starts it over. A long read (a catch-up's snapshots, a
 * backup) lets it grow by gigabytes; without a limit the file keeps that size on disk for good.
 */
export const WRITE_AHEAD_LOG_KEPT_BYTES = 64 * 1024 * 1024;

/**
 * Opens (creating if need be) the service's SQLite file with the pragmas its guarantees rest on.
 * A file SQLite finds damaged (truncated, a bad header) is refused with DamagedDatabaseFile.
 */
export function openSqliteDatabase(file: string): Database.Database {
  try {
    return openWithPragmas(file);
  } catch (error) {
    throw isDamage(error) ? damagedFile(file, error) : error;
  }
}

function openWithPragmas(file: string): Database.Database {
  return openConfigured(file, (db) => {
    // First, so that the pragmas below wait for another process's lock instead of failing at once.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Readers (projections, queries) never block the writer, nor the writer them.
    const journalMode = db.pragma('journal_mode = WAL', { simple: true });
    // SQLite falls back silently where WAL is impossible (some network file systems): refuse to run so.
    if (file !== IN_MEMORY && journalMode !== 'wal') {
      throw new Error(`SQLite refused WAL mode for ${file} (journal mode ${String(journalMode)})`);
    }
    // In WAL mode the default (NORMAL) may lose the last commits on power loss; an acknowledged append must not.
    db.pragma('synchronous = FULL');
    // Erased rows (shredded encryption keys) are overwritten, not left readable in free pages.
    db.pragma('secure_delete = ON');
    db.pragma(`journal_size_limit = ${WRITE_AHEAD_LOG_KEPT_BYTES}`);
    // SQLite leaves foreign keys unchecked unless asked, per connection.
    db.pragma('foreign_keys = ON');
  });
}

/**
 * Opens (creating if need be, readable by its owner only) a SQLite file of the service's, and
 * sets it up with `configure`; then reads its schema, so that a file damaged past its header fails
 * here, before anything builds on it. Closed again if either fails.
 */
export function openConfigured(file: string, configure: (db: Database.Database) => void): Database.Database {
  if (file !== IN_MEMORY) createOwnerOnlyFile(file);
  const db = new Database(file);
  try {
    configure(db);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Removes a SQLite file and SQLite's files beside it. */
export function removeSqliteFile(file: string): void {
  for (const suffix of ['', ...SQLITE_COMPANIONS]) rmSync(`${file}${suffix}`, { force: true });
}

/** Creates the SQLite file (and its folder) readable by the service's user only, or makes it so. */
export function createOwnerOnlyFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  // Created before SQLite opens it, so that it is never readable by others, not even empty.
  closeSync(openSync(file, 'a', OWNER_ONLY));
  // SQLite gives the -wal and -shm files it creates the database file's mode; files of an earlier version are set too.
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path) && (statSync(path).mode & 0o777) !== OWNER_ONLY) chmodSync(path, OWNER_ONLY);
  }
}
