import { accessSync, constants, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isBusy } from './write-ahead-log';

/** SQLite could not open a file that is there: whether another process has it open cannot be told. */
export class FileNotCheckable extends Error {
  override readonly name = 'FileNotCheckable';
  readonly code = 'FILE_NOT_CHECKABLE';

  constructor(
    readonly file: string,
    /** Why, in the words of the file system where it says (EACCES, a folder, …). */
    readonly reason: string,
  ) {
    super(`Cannot tell whether ${file} is open in another process: ${reason}`);
  }
}

/**
 * Takes SQLite's exclusive lock on the file and answers what `whileFree` answers under it, or
 * true when another connection, of this process or another (the running service, a rebuild), has
 * the file open: in WAL mode an open connection holds a shared lock from its first read until it
 * closes, idle or not. A file that is not there (only its companions are left) is held by no one:
 * false; so is one SQLite opens but cannot read (it is damaged). A file that is there but SQLite
 * cannot open (no permission, a folder) is FileNotCheckable: "free" would let a caller replace a
 * file the service may have open.
 */
export function isHeldOr(file: string, whileFree: (db: Database.Database) => boolean): boolean {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
  } catch (error) {
    const reason = whyNotOpened(file, error);
    if (reason === null) return false;
    throw new FileNotCheckable(file, reason);
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

/** Null when the file is not there; else what the file system says of it, since SQLite says only SQLITE_CANTOPEN. */
function whyNotOpened(file: string, openError: unknown): string | null {
  try {
    if (!statSync(file).isFile()) return 'it is not a file';
    accessSync(file, constants.R_OK | constants.W_OK);
    return (openError as Error).message;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : (error as Error).message;
  }
}

/** Whether another connection (the running service, a rebuild) has the SQLite file open. */
export const isOpenElsewhere = (file: string): boolean => isHeldOr(file, () => false);
