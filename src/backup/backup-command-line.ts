import { ConfigError } from '../config/config';
import { BACKUP_EXIT_CODES, BackupError } from './backup-error';

/**
 * Runs `npm run backup` or `npm run restore`, and sets the process's exit code: 0 done; on a
 * failure one line `CODE: message` on standard error, and the exit code of BACKUP_EXIT_CODES
 * (2 for a bad command line or setting). `usage` is added to the command line's mistakes.
 */
export function runBackupCommandLine(command: () => Promise<void>, usage: string): void {
  command().then(
    () => {
      // exitCode rather than exit(): let the last lines reach a pipe.
      process.exitCode = 0;
    },
    (error: unknown) => {
      const { code, message, exitCode, stack } = explain(error, usage);
      console.error(`${code}: ${message}`);
      // Only a fault of this program gets its stack: a refusal is the operator's to act on, in one line.
      if (stack) console.error(stack);
      process.exitCode = exitCode;
    },
  );
}

function explain(error: unknown, usage: string): { code: string; message: string; exitCode: number; stack?: string } {
  if (error instanceof BackupError) return { code: error.code, message: error.message, exitCode: error.exitCode };
  if (error instanceof ConfigError) return { code: 'CONFIG_ERROR', message: error.message, exitCode: BACKUP_EXIT_CODES.usage };
  if (String((error as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS')) {
    return { code: 'USAGE', message: `${(error as Error).message}. ${usage}`, exitCode: BACKUP_EXIT_CODES.usage };
  }
  const failure = error instanceof Error ? error : new Error(String(error));
  return { code: 'FAILED', message: failure.message, exitCode: BACKUP_EXIT_CODES.failed, stack: failure.stack };
}

/** The command line's one folder argument, or a USAGE error. */
export function oneFolder(positionals: string[], usage: string): string {
  if (positionals.length !== 1 || positionals[0] === '') {
    throw new BackupError('USAGE', `Give one folder${positionals.length > 1 ? `, not ${positionals.length}` : ''}. ${usage}`, BACKUP_EXIT_CODES.usage);
  }
  return positionals[0]!;
}
