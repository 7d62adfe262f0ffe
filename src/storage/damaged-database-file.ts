import Database from 'better-sqlite3';

/** SQLite's codes for a file it cannot read as a database: damaged pages, or no database header at all. */
const DAMAGE = /^SQLITE_(CORRUPT|NOTADB)/;
/** Enough of quick_check's findings to tell a few bad pages from a ruined file. */
const MAX_FINDINGS = 10;

/** A SQLite file of the service is damaged: only a backup restores it (docs/operations.md, "A damaged file"). */
export class DamagedDatabaseFile extends Error {
  override readonly name = 'DamagedDatabaseFile';

  constructor(
    readonly file: string,
    /** SQLite's code and message when it met the damage. */
    readonly sqliteCode: string,
    readonly sqliteMessage: string,
    /** `PRAGMA quick_check`'s findings, or why it could not run. */
    readonly quickCheck: readonly string[],
  ) {
    super(`The SQLite file ${file} is damaged (${sqliteCode}: ${sqliteMessage})`);
  }
}

/** Whether SQLite raised the error because a file's content is damaged. */
export const isDamage = (error: unknown): boolean => DAMAGE.test(String((error as { code?: unknown } | null)?.code));

/** The damage SQLite met in `file`, with quick_check's verdict on it. */
export function damagedFile(file: string, error: unknown): DamagedDatabaseFile {
  const { code, message } = error as { code: string; message: string };
  return new DamagedDatabaseFile(file, code, message, quickCheck(file));
}

/** The first of `files` that quick_check finds damaged, as met by `error`; null when all pass or none is damage. */
export function findDamagedFile(error: unknown, files: readonly string[]): DamagedDatabaseFile | null {
  if (error instanceof DamagedDatabaseFile) return error;
  if (!isDamage(error)) return null;
  for (const file of files) {
    const findings = quickCheck(file);
    if (findings.join() !== 'ok') return new DamagedDatabaseFile(file, (error as { code: string }).code, (error as Error).message, findings);
  }
  return null;
}

/** quick_check, read-only: a few seconds per gigabyte, and only once something is found wrong. */
function quickCheck(file: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return (db.pragma(`quick_check(${MAX_FINDINGS})`, { simple: false }) as { quick_check: string }[]).map((row) => row.quick_check);
  } catch (error) {
    return [`quick_check could not run: ${(error as Error).message}`];
  } finally {
    db?.close();
  }
}
