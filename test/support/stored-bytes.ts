import { existsSync, readFileSync } from 'node:fs';

/** Every byte SQLite keeps of the file on disk: the database, its write-ahead log and the log's index. */
export function storedBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((f) => readFileSync(f)));
}
