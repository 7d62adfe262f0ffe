import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DamagedDatabaseFile } from '../storage/damaged-database-file';
import { BackupError, diskFullAsBackupError } from './backup-error';
import { type BackedUpFile, type BackedUpRole, type BackupManifest, MANIFEST_FILE, newManifest, writeManifest } from './backup-manifest';
import { checkLog, countsOf, lastPositionOf, readOnly } from './backed-up-figures';
import { copyProgress, type ProgressOutput } from './copy-progress';
import { sha256OfFile } from './file-checksum';
import { copyOnline } from './online-copy';

/** The embedded store's files, as the service is configured (EVENT_STORE_URL sqlite:…, KEY_VAULT_FILE). */
export interface StoreFiles {
  eventStoreFile: string;
  keyVaultFile: string | null;
}

/** Each file's name in a backup's folder. */
export const BACKUP_FILE_NAMES: Record<BackedUpRole, string> = { events: 'events.db', keys: 'keys.db' };

/**
 * `npm run backup -- DIR`: a consistent copy of every file of the embedded store into `dir`
 * (which must not exist, or be empty), while the service runs, and the manifest a restore checks.
 *
 * The events' file is copied first and the key vault's (KEY_VAULT_FILE) after it. A key is
 * created before the first event sealed under it, and leaves the vault only when shredded (with a
 * tombstone) or when no stream uses it: so every participant in the copied log has a key or a
 * tombstone in a vault copied later. Keys created after the log's copy come along unused (the
 * service removes them after its start); a participant erased in between reads as erased. The
 * other order could miss the key of a participant enrolled between the two copies, and lose their
 * personal data for good. Without KEY_VAULT_FILE the keys are in the events' file: one snapshot.
 */
export async function backupStore(files: StoreFiles, dir: string, output: ProgressOutput): Promise<BackupManifest> {
  const plan = [
    { role: 'events' as const, source: files.eventStoreFile, setting: 'EVENT_STORE_URL' },
    ...(files.keyVaultFile === null ? [] : [{ role: 'keys' as const, source: files.keyVaultFile, setting: 'KEY_VAULT_FILE' }]),
  ];
  for (const { source, setting } of plan) {
    // Opening a missing file would create an empty one: a mistyped setting must not back up nothing.
    if (!existsSync(source)) throw new BackupError('SOURCE_MISSING', `No database at ${source}: check ${setting}`);
  }
  const created = prepareEmptyFolder(dir);
  const startedAt = new Date();
  try {
    for (const { role, source } of plan) await copyFile(source, join(dir, BACKUP_FILE_NAMES[role]), copyProgress(output, `Copying ${role} (${source})`));
    const manifest = await describe(dir, plan, startedAt);
    writeManifest(dir, manifest);
    return manifest;
  } catch (error) {
    // Nothing half-written stays: a folder with files but no manifest would only puzzle whoever finds it.
    for (const name of [`${MANIFEST_FILE}.partial`, ...plan.flatMap(({ role }) => [BACKUP_FILE_NAMES[role], `${BACKUP_FILE_NAMES[role]}-journal`])]) {
      rmSync(join(dir, name), { force: true });
    }
    if (created) rmSync(dir, { recursive: true, force: true });
    throw diskFullAsBackupError(error, dir);
  }
}

async function copyFile(source: string, destination: string, progress: ReturnType<typeof copyProgress>): Promise<void> {
  try {
    await copyOnline(source, destination, progress);
  } catch (error) {
    if (error instanceof DamagedDatabaseFile) {
      throw new BackupError('SOURCE_DAMAGED', `${error.message}: restore the latest backup instead (docs/operations.md, "A damaged file")`);
    }
    throw error;
  }
}

/** Refuses a folder that holds anything, a backup above all; creates it, readable by its owner only, when missing (answers true then). */
function prepareEmptyFolder(dir: string): boolean {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return true;
  }
  if (!statSync(dir).isDirectory()) throw new BackupError('BACKUP_DIR_NOT_A_FOLDER', `${dir} is a file, not a folder: give a new or empty folder`);
  const names = readdirSync(dir);
  if (names.includes(MANIFEST_FILE)) throw new BackupError('BACKUP_DIR_HOLDS_BACKUP', `${dir} already holds a backup: give a new or empty folder for each backup`);
  if (names.length > 0) throw new BackupError('BACKUP_DIR_NOT_EMPTY', `${dir} is not empty (${names.length} entries): give a new or empty folder`);
  return false;
}

/** The manifest of the copies: counted, checked and summed from the copies themselves, not from the live files. */
async function describe(dir: string, plan: { role: BackedUpRole; source: string }[], startedAt: Date): Promise<BackupManifest> {
  const path = (role: BackedUpRole) => join(dir, BACKUP_FILE_NAMES[role]);
  const files: BackedUpFile[] = [];
  for (const { role, source } of plan) {
    const file = path(role);
    const counts = readOnly(file, (db) => countsOf(db, role, source));
    files.push({ name: BACKUP_FILE_NAMES[role], role, source, bytes: statSync(file).size, sha256: await sha256OfFile(file), counts });
  }
  const keysCopy = files.some(({ role }) => role === 'keys') ? path('keys') : null;
  const lastPosition = readOnly(path('events'), (db) => {
    const last = lastPositionOf(db);
    checkLog(db, last, keysCopy);
    return last;
  });
  return newManifest(startedAt, lastPosition, files);
}
