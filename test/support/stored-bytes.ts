import { existsSync, readFileSync } from 'node:fs';
import { nameWords } from '../../src/personal-data/name-words';

/** Every byte SQLite keeps of the file on disk: the database, its write-ahead log and the log's index. */
export function storedBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((f) => readFileSync(f)));
}

/** The name, each of its words and their normalised forms, as typed, in lower and upper case, composed and decomposed. */
export function spellings(name: string): string[] {
  const parts = [name, ...name.split(/[\s-]+/), ...nameWords(name)];
  const cased = parts.flatMap((part) => [part, part.toLowerCase(), part.toUpperCase()]);
  return [...new Set(cased.flatMap((part) => [part.normalize('NFC'), part.normalize('NFD')]))];
}

/** How a text could be stored: UTF-8, and UTF-16 either way round (SQLite's other text encodings). */
export const encodings = (text: string): Buffer[] => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf16le').swap16()];
