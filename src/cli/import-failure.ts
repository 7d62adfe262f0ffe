import { ConfigError } from '../config/config';
import { DamagedDatabaseFile } from '../storage/damaged-database-file';

/** Exit codes of `npm run import` (docs/import.md, "Exit codes"). */
export const IMPORT_EXIT_CODES = { done: 0, rowErrors: 1, refused: 2, failed: 3 } as const;

/** Why the import cannot run, the operator's to put right: a code, and what to do. */
export class ImportRefused extends Error {
  override readonly name = 'ImportRefused';

  constructor(
    readonly code: 'USAGE' | 'UNKNOWN_CITY' | 'FILE_NOT_FOUND' | 'UNREADABLE_FILE' | 'STORE_UNOPENABLE',
    message: string,
  ) {
    super(message);
  }
}

/**
 * What to print and the exit code for an import that stopped: one line `CODE: message` for a
 * mistake of the command line, the settings or the files, which the operator fixes; the stack
 * besides only for a fault of this program, which a developer reads.
 */
export function explainImportFailure(error: unknown, usage: string): { lines: string[]; exitCode: number } {
  const refused = (code: string, message: string) => ({ lines: [`${code}: ${message}`], exitCode: IMPORT_EXIT_CODES.refused });
  if (error instanceof ImportRefused) return refused(error.code, error.message);
  if (error instanceof ConfigError) return refused('CONFIG_ERROR', error.message);
  if (error instanceof DamagedDatabaseFile) return refused('DAMAGED_FILE', `${error.message}: see docs/operations.md, "Backups of the SQLite file"`);
  if (String((error as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS')) return refused('USAGE', `${(error as Error).message}. ${usage}`);
  const failure = error instanceof Error ? error : new Error(String(error));
  return { lines: [`FAILED: ${failure.message}`, failure.stack ?? ''], exitCode: IMPORT_EXIT_CODES.failed };
}
