import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { isDamage } from '../storage/damaged-database-file';
import { FileNotCheckable, isOpenElsewhere } from '../storage/file-in-use';
import { removeLifePathReleaseFile } from '../storage/life-path-release-file';
import { createOwnerOnlyFile, SQLITE_COMPANIONS } from '../storage/sqlite-database';
import { BACKUP_EXIT_CODES, BackupError, damagedBackup, diskFullAsBackupError } from './backup-error';
import { type BackedUpFile, type BackupManifest, readManifest } from './backup-manifest';
import { checkLog, countsOf, erasedAfter, readOnly } from './backed-up-figures';
import type { StoreFiles } from './backup-store';
import type { ProgressOutput } from './copy-progress';
import { sha256OfFile } from './file-checksum';

/**
 * The operator's part, which no check can take over: the last check that no process has a target
 * open and the rename are two steps, and a service started between them would go on with the
 * replaced file. SQLite's lock cannot span the rename safely: a connection kept open on the old
 * file would, closing, delete the new file's write-ahead log, which SQLite finds by name
 * (docs/operations.md, "Stop the service for a restore").
 */
export const KEEP_THE_SERVICE_STOPPED =
  'Keep the service stopped until this command ends (and whatever restarts it: systemd, a container restart policy): ' +
  'a service started while the files are replaced would go on writing into the replaced file, and those writes would be lost\n';

/** What was restored. */
export interface Restored {
  manifest: BackupManifest;
  /**
   * Participants the replaced file's log erased after the backup's last position, whose keys the
   * backup brought back; null when no file was replaced or it could not be read.
   */
  erasedSince: string[] | null;
}

/** A file of the backup and where it goes. */
interface Placement {
  file: BackedUpFile;
  from: string;
  to: string;
}

/**
 * `npm run restore -- DIR`: checks the backup in `dir` (manifest, checksums, integrity, the log's
 * positions, a key for each participant) and only then puts its files in place of `targets`,
 * each through a copy beside it renamed over it, after removing the target's stale companions.
 * Refuses a target the service (or anything else) has open, and an existing one without `force`.
 */
export async function restoreBackup(dir: string, targets: StoreFiles, force: boolean, output: ProgressOutput): Promise<Restored> {
  const manifest = readManifest(dir);
  const placements = place(dir, manifest, targets);
  for (const { to } of placements) checkTarget(to, force);
  output.write(`Checking the backup in ${dir} (taken ${manifest.startedAt}, last position ${manifest.lastPosition})\n`);
  await checkBackup(manifest, placements);
  // Read before the file is replaced: afterwards no log remembers them.
  const erasedSince = existsSync(targets.eventStoreFile) ? erasedAfter(targets.eventStoreFile, BigInt(manifest.lastPosition)) : null;
  output.write(KEEP_THE_SERVICE_STOPPED);
  const written: string[] = [];
  try {
    for (const placement of placements) written.push(copyBeside(placement));
    // Again, just before: the copies took a while, and a service may have started meanwhile.
    for (const { to } of placements) checkTarget(to, force);
    // In the manifest's order, the events first: stopped before the keys, the backup's log stands
    // beside today's keys, which hold every key it needs but those shredded since (read as erased).
    for (const [i, { to }] of placements.entries()) {
      // A stale write-ahead log would be replayed into the restored file.
      for (const suffix of SQLITE_COMPANIONS) rmSync(`${to}${suffix}`, { force: true });
      renameSync(written[i]!, to);
      // Releases computed from the replaced read models would be served as the restored ones'.
      removeLifePathReleaseFile(to);
      output.write(`Restored ${placements[i]!.file.name} to ${to}\n`);
    }
  } catch (error) {
    for (const copy of written) rmSync(copy, { force: true });
    throw diskFullAsBackupError(error, 'the restored files');
  }
  return { manifest, erasedSince };
}

/** Where each file of the backup goes: the event store's file, and the key vault's when the backup has one. */
function place(dir: string, manifest: BackupManifest, targets: StoreFiles): Placement[] {
  const keys = manifest.files.find((file) => file.role === 'keys');
  if (keys && targets.keyVaultFile === null) {
    throw new BackupError(
      'KEY_VAULT_TARGET_MISSING',
      `The backup has a key vault file (${keys.source}): set KEY_VAULT_FILE as the service will run, or give --keys-to`,
      BACKUP_EXIT_CODES.usage,
    );
  }
  if (!keys && targets.keyVaultFile !== null) {
    throw new BackupError(
      'KEY_VAULT_NOT_IN_BACKUP',
      "The backup keeps the keys in the event store's file, but KEY_VAULT_FILE is set: the service refuses to start so. " +
        'Unset it, restore, then move the keys (docs/operations.md, "Keys apart from the data")',
      BACKUP_EXIT_CODES.usage,
    );
  }
  const placements = manifest.files.map((file) => ({
    file,
    from: join(dir, file.name),
    to: file.role === 'events' ? targets.eventStoreFile : targets.keyVaultFile!,
  }));
  if (new Set(placements.map(({ to }) => resolve(to))).size < placements.length) {
    throw new BackupError('TARGETS_THE_SAME', 'The event store and the key vault cannot be restored to the same file', BACKUP_EXIT_CODES.usage);
  }
  return placements;
}

function checkTarget(target: string, force: boolean): void {
  if (!existsSync(target)) return;
  if (!force) {
    throw new BackupError('TARGET_EXISTS', `${target} exists: stop the service and give --force to replace it (or --to another file)`, BACKUP_EXIT_CODES.usage);
  }
  if (isInUse(target)) {
    throw new BackupError('TARGET_IN_USE', `${target} is open in another process (the service, a rebuild?): stop it first, even with --force`);
  }
}

/** isOpenElsewhere, with a file it cannot tell of as a refusal with a code. */
function isInUse(target: string): boolean {
  try {
    return isOpenElsewhere(target);
  } catch (error) {
    if (!(error instanceof FileNotCheckable)) throw error;
    throw new BackupError('TARGET_NOT_CHECKABLE', `${error.message}: make it a file the service's user can read and write, or restore --to another file`);
  }
}

/** Everything a restore checks before it writes anything. */
async function checkBackup(manifest: BackupManifest, placements: Placement[]): Promise<void> {
  for (const { file, from } of placements) {
    if (!existsSync(from)) throw damagedBackup('BACKUP_FILE_MISSING', `${from} is missing from the backup`);
    if (statSync(from).size !== file.bytes || (await sha256OfFile(from)) !== file.sha256) {
      throw damagedBackup('BACKUP_CHECKSUM_MISMATCH', `${from} is not the file the backup wrote (its size or SHA-256 differs from the manifest's): use another backup`);
    }
    checkFile(from, (db) => {
      const findings = (db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]).map((row) => row.integrity_check);
      if (findings.join() !== 'ok') throw damagedBackup('BACKUP_INTEGRITY_CHECK_FAILED', `${from} fails SQLite's integrity check: ${findings.slice(0, 5).join('; ')}`);
      const counts = countsOf(db, file.role, from);
      if (JSON.stringify(counts) !== JSON.stringify(file.counts)) {
        throw damagedBackup('BACKUP_COUNTS_MISMATCH', `${from} holds ${JSON.stringify(counts)}, the manifest says ${JSON.stringify(file.counts)}`);
      }
    });
  }
  const keys = placements.find(({ file }) => file.role === 'keys');
  checkFile(placements.find(({ file }) => file.role === 'events')!.from, (db) => checkLog(db, BigInt(manifest.lastPosition), keys?.from ?? null));
}

/** Reads a file of the backup; damage SQLite meets on the way is the backup's, with a code. */
function checkFile(file: string, check: (db: Database.Database) => void): void {
  try {
    readOnly(file, check);
  } catch (error) {
    if (isDamage(error)) throw damagedBackup('BACKUP_INTEGRITY_CHECK_FAILED', `${file} is damaged (${(error as Error).message}): use another backup`);
    throw error;
  }
}

/** A copy of the backed-up file beside its target, readable by its owner only and on the disk, to be renamed over the target. */
function copyBeside({ from, to }: Placement): string {
  const copy = `${to}.restore-${randomUUID()}`;
  createOwnerOnlyFile(copy);
  copyFileSync(from, copy);
  // copyFile gives the copy the backup's mode: the service's files are its user's alone, whatever the backup's were.
  chmodSync(copy, 0o600);
  const fd = openSync(copy, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return copy;
}
