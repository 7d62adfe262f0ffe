/** Exit codes of `npm run backup` and `npm run restore` (docs/operations.md, "Backups of the SQLite file"). */
export const BACKUP_EXIT_CODES = { failed: 1, usage: 2, damagedBackup: 3 } as const;

/** Why a backup or a restore stopped, with nothing left half-written: a code to tell the cases apart, and the exit code. */
export class BackupError extends Error {
  override readonly name = 'BackupError';

  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = BACKUP_EXIT_CODES.failed,
  ) {
    super(message);
  }
}

/** The backup itself is damaged or incomplete: another backup is needed, not another try. */
export const damagedBackup = (code: string, message: string): BackupError => new BackupError(code, message, BACKUP_EXIT_CODES.damagedBackup);

/** SQLite's and Node's codes for a full disk or quota. */
const DISK_FULL = /^(SQLITE_FULL|ENOSPC|EDQUOT)/;

/** A full disk as BackupError DISK_FULL, saying where; any other error unchanged. */
export function diskFullAsBackupError(error: unknown, where: string): unknown {
  if (!DISK_FULL.test(String((error as { code?: unknown } | null)?.code))) return error;
  return new BackupError('DISK_FULL', `The disk is full writing ${where}: free space (or choose another folder) and run the command again`);
}
