import type Database from 'better-sqlite3';

/** SQLite's answer when another connection holds what is needed (SQLITE_BUSY, SQLITE_LOCKED and their extended codes). */
export const isBusy = (error: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown }).code));

/**
 * Runs `work` on the connection without waiting for another's lock: false if it was busy.
 * Waiting the busy timeout instead would block the event loop, since better-sqlite3 is synchronous.
 */
export function withoutWaiting(db: Database.Database, work: () => boolean): boolean {
  try {
    return noBusyWaitOn(db)(work);
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  }
}

/**
 * Runs work on the connection with SQLite's busy wait off, so that it throws SQLITE_BUSY at once
 * where another connection holds the lock it needs; for a path taken at every request (the
 * appends' commit), on a connection whose busy timeout stays what it is now: read once, not asked
 * again at each call, and set with `exec`, a quarter of `pragma`'s cost, which builds its answer.
 * (A prepared pragma cannot serve: SQLite sets the timeout when the statement is prepared, not
 * when it runs.)
 */
export function noBusyWaitOn(db: Database.Database): <T>(work: () => T) => T {
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  return (work) => {
    db.exec('PRAGMA busy_timeout = 0');
    try {
      return work();
    } finally {
      db.exec(`PRAGMA busy_timeout = ${busyTimeout}`);
    }
  };
}

/**
 * Copies the whole write-ahead log into the database file and truncates it to nothing: false
 * while a reader of an older snapshot (another process, say) or a writer holds it.
 */
export function truncateWriteAheadLog(db: Database.Database): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result!.busy === 0;
}

/**
 * Commits `commit` (a transaction on `db`, a connection at synchronous=FULL) without waiting for
 * the disk, for writes that may be lost in a power cut as long as what depends on them is lost
 * too: the next commit at FULL on the same connection syncs the write-ahead log, and with it
 * every frame written before. Nothing else runs on the connection meanwhile (better-sqlite3 is
 * synchronous), so the appends keep FULL.
 */
export function withoutWaitingForTheDisk<T>(db: Database.Database, commit: () => T): T {
  // `exec`, not `pragma`, which builds an answer no one reads: this runs at every recording.
  db.exec('PRAGMA synchronous = NORMAL');
  try {
    return commit();
  } finally {
    db.exec('PRAGMA synchronous = FULL');
  }
}
