import Database from 'better-sqlite3';
import { isBusy } from './write-ahead-log';

/**
 * Takes SQLite's exclusive lock on the file and answers what `whileFree` answers under it, or
 * true when another connection, of this process or another (the running service, a rebuild), has
 * the file open: in WAL mode an open connection holds a shared lock from its first read until it
 * closes, idle or not. A file SQLite cannot open or read (only its companions are left, or it is
 * damaged) is held by no one usefully: false.
 */
export function isHeldOr(file: string, whileFree: (db: Database.Database) => boolean): boolean {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
  } catch {
    return false;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    return whileFree(db);
  } catch (error) {
    return isBusy(error);
  } finally {
    db.close();
  }
}

/** Whether another connection (the running service, a rebuild) has the SQLite file open. */
export const isOpenElsewhere = (file: string): boolean => isHeldOr(file, () => false);
