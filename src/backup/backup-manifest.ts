import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { damagedBackup } from './backup-error';

/** The manifest's name in a backup's folder; written last, so a folder without it holds no finished backup. */
export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'journey-service-backup';
const FORMAT_VERSION = 1;

/** What a file of the backup holds: the event store's file (events, read models, and the keys unless KEY_VAULT_FILE), or the key vault's. */
export type BackedUpRole = 'events' | 'keys';

/** Rows counted in a backed-up file, checked again by a restore. */
export interface FileCounts {
  /** The events file: events in the log, and streams (participants). */
  events?: number;
  streams?: number;
  /** Whichever file holds the key vault's tables. */
  keys?: number;
  shreddedKeys?: number;
}

/** One file of a backup. */
export interface BackedUpFile {
  /** Its name in the backup's folder. */
  name: string;
  role: BackedUpRole;
  /** The file it was copied from. */
  source: string;
  bytes: number;
  sha256: string;
  counts: FileCounts;
}

/** What was backed up and when, so that a restore can check it before writing anything. */
export interface BackupManifest {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  /** When the copy of the events began and when the last file was copied. */
  startedAt: string;
  finishedAt: string;
  /** Global position of the last event in the backup ('0': an empty log), as a decimal string: positions are 64-bit. */
  lastPosition: string;
  files: BackedUpFile[];
}

/** The manifest of files copied between `startedAt` and now. */
export const newManifest = (startedAt: Date, lastPosition: bigint, files: BackedUpFile[]): BackupManifest => ({
  format: FORMAT,
  version: FORMAT_VERSION,
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  lastPosition: lastPosition.toString(),
  files,
});

/** Writes the manifest beside the files, readable by the owner only, in one rename: it is there whole or not at all. */
export function writeManifest(dir: string, manifest: BackupManifest): void {
  const partial = join(dir, `${MANIFEST_FILE}.partial`);
  writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flush: true });
  renameSync(partial, join(dir, MANIFEST_FILE));
}

/** The manifest of the backup in `dir`, refused with a code when it is missing or not one this version wrote. */
export function readManifest(dir: string): BackupManifest {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    throw damagedBackup('BACKUP_NOT_FOUND', `No backup in ${dir}: it has no ${MANIFEST_FILE} (a backup that did not finish has none either)`);
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw damagedBackup('MANIFEST_UNREADABLE', `${join(dir, MANIFEST_FILE)} is not JSON`);
  }
  if (!isManifest(manifest)) {
    throw damagedBackup('MANIFEST_UNREADABLE', `${join(dir, MANIFEST_FILE)} is not a manifest of ${FORMAT} version ${FORMAT_VERSION}`);
  }
  return manifest;
}

function isManifest(value: unknown): value is BackupManifest {
  const manifest = value as Partial<BackupManifest> | null;
  return (
    manifest?.format === FORMAT &&
    manifest.version === FORMAT_VERSION &&
    typeof manifest.lastPosition === 'string' &&
    /^\d+$/.test(manifest.lastPosition) &&
    Array.isArray(manifest.files) &&
    manifest.files.filter((file) => file?.role === 'events').length === 1 &&
    manifest.files.every(
      (file) =>
        (file?.role === 'events' || file?.role === 'keys') &&
        typeof file.name === 'string' &&
        /^[\w.-]+$/.test(file.name) &&
        typeof file.sha256 === 'string' &&
        typeof file.bytes === 'number' &&
        typeof file.counts === 'object',
    )
  );
}
