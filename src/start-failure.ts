import pino from 'pino';
import { ConfigError } from './config/config';
import { PortInUse } from './start-service';
import { DamagedDatabaseFile } from './storage/damaged-database-file';

/** Exit codes of a service that could not start (docs/operations.md): a supervisor tells them apart. */
export const EXIT_CODES = { configuration: 1, damagedFile: 3 } as const;

/**
 * A bad setting or a busy port is the operator's to fix: one line says which, without a stack
 * trace, and the exit code is 1. A damaged SQLite file gets one JSON log line (the shape of the
 * service's logs, level fatal) with the file, SQLite's verdict and what to do, and exit code 3:
 * restarting will not help, only a backup will.
 */
export function exitOnStartFailure(error: unknown): never {
  if (error instanceof DamagedDatabaseFile) {
    logDamagedFile(error);
    process.exit(EXIT_CODES.damagedFile);
  }
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else console.error(error instanceof PortInUse ? error.message : error);
  process.exit(EXIT_CODES.configuration);
}

function logDamagedFile({ file, sqliteCode, sqliteMessage, quickCheck }: DamagedDatabaseFile): void {
  // Synchronous, so that the line is written before the exit.
  pino(pino.destination({ dest: 1, sync: true })).fatal(
    {
      context: 'Storage',
      file,
      sqlite: { code: sqliteCode, message: sqliteMessage, quickCheck },
      action:
        'Do not restart the service on this file: stop it, keep the damaged file aside for inspection, restore the latest backup ' +
        '(docs/operations.md, "Backups of the SQLite file"), check it with PRAGMA integrity_check, then start the service',
      exitCode: EXIT_CODES.damagedFile,
    },
    `The SQLite file ${file} is damaged: the service does not start on it`,
  );
}
