import Database from 'better-sqlite3';
import { createOwnerOnlyFile, openSqliteDatabase } from '../storage/sqlite-database';
import type { CopyProgress } from './copy-progress';

/** 4 MiB a step at SQLite's default page size: few steps, and progress still moves on a large file. */
const PAGES_PER_STEP = 1_000;

/**
 * Copies the service's SQLite file `source` to `destination` (created readable by its owner
 * only) with SQLite's online backup, while the service goes on writing to it.
 *
 * One read transaction spans the whole copy, so that the copy is one snapshot: in WAL mode the
 * service's commits neither disturb it nor wait for it. Without it, SQLite starts the copy over
 * after each commit of another process, and under a steady load it would never end. The copy is
 * then set to the rollback journal: one self-contained file, which opens read-only without
 * creating a write-ahead log beside it (the service sets WAL again when it opens a restored file).
 */
export async function copyOnline(source: string, destination: string, progress: CopyProgress): Promise<void> {
  createOwnerOnlyFile(destination);
  const db = openSqliteDatabase(source);
  try {
    db.exec('BEGIN');
    // The snapshot is taken at the transaction's first read.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    await db.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        progress.progressed(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    db.exec('COMMIT');
  } finally {
    db.close();
  }
  const copy = new Database(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  progress.finished();
}
