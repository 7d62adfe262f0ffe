import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { removeStaleRebuildSideFiles } from './rebuild-side-files';
import { openSqliteDatabase } from './sqlite-database';

/** The read models' file, once the files of rebuilds that no longer run are removed from beside it. */
export function openReadModelFile(file: string): Database.Database {
  const db = openSqliteDatabase(file);
  if (db.memory) return db;
  const { removed, running } = removeStaleRebuildSideFiles(file);
  if (removed.length + running.length > 0) {
    new Logger('Storage').log(
      `Removed ${removed.length} file(s) left by rebuilds that did not finish [${removed.join(', ')}]; ` +
        `kept ${running.length} of a rebuild still running [${running.join(', ')}]`,
    );
  }
  return db;
}
