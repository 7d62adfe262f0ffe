import Database from 'better-sqlite3';
import { PARTICIPANT_STREAM_PREFIX } from '../journey/application/journey-repository';
import { BackupError, damagedBackup } from './backup-error';
import type { BackedUpRole, FileCounts } from './backup-manifest';

/** Reads a SQLite file opened read-only: a backup's is never changed so (it is in rollback-journal mode, see online-copy.ts). */
export function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const hasTable = (db: Database.Database, table: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;

const countRows = (db: Database.Database, table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** The rows a restore checks again: events and streams in the events file, keys and tombstones wherever the key vault is. */
export function countsOf(db: Database.Database, role: BackedUpRole, source: string): FileCounts {
  const keyTables = hasTable(db, 'participant_keys') && hasTable(db, 'shredded_keys');
  if (role === 'events' && !(hasTable(db, 'events') && hasTable(db, 'streams'))) {
    throw new BackupError('NOT_AN_EVENT_STORE', `${source} holds no event store: is EVENT_STORE_URL the service's file?`);
  }
  if (role === 'keys' && !keyTables) throw new BackupError('NOT_A_KEY_VAULT', `${source} holds no key vault: is KEY_VAULT_FILE the service's file?`);
  return {
    ...(role === 'events' && { events: countRows(db, 'events'), streams: countRows(db, 'streams') }),
    ...(keyTables && { keys: countRows(db, 'participant_keys'), shreddedKeys: countRows(db, 'shredded_keys') }),
  };
}

/** Global position of the log's last event, 0 for an empty log. */
export const lastPositionOf = (db: Database.Database): bigint =>
  (db.prepare('SELECT global_position FROM events ORDER BY global_position DESC LIMIT 1').pluck().safeIntegers().get() as bigint | undefined) ?? 0n;

/**
 * Refuses a log whose positions do not run from 1 to `lastPosition` without a gap: the store
 * gives each append the next position and never deletes an event, so a gap is an event lost.
 */
function checkPositions(db: Database.Database, lastPosition: bigint): void {
  const { first, last, events } = db
    .prepare('SELECT min(global_position) AS first, max(global_position) AS last, count(*) AS events FROM events')
    .safeIntegers()
    .get() as { first: bigint | null; last: bigint | null; events: bigint };
  const contiguous = events === lastPosition && (events === 0n || (first === 1n && last === lastPosition));
  if (!contiguous) {
    throw damagedBackup(
      'BACKUP_POSITIONS_NOT_CONTIGUOUS',
      `The backup's log should hold positions 1 to ${lastPosition}; it holds ${events} event(s), from ${first ?? '-'} to ${last ?? '-'}`,
    );
  }
}

/**
 * Participants of the log with neither a key nor a tombstone in the key vault (`keysFile`, or the
 * events file itself when null): their personal data could never be read again. Keys are created
 * before the events sealed under them and only ever removed with a tombstone, or when no stream
 * uses them, so a vault copied after the log has a key or a tombstone for each.
 */
function participantsWithoutKey(events: Database.Database, keysFile: string | null): number {
  const vault = keysFile === null ? 'main' : 'vault';
  if (keysFile !== null) events.prepare(`ATTACH DATABASE ? AS ${vault}`).run(keysFile);
  try {
    return events
      .prepare(
        `SELECT count(*) FROM streams
         WHERE substr(stream_id, 1, @length) = @prefix
           AND substr(stream_id, @length + 1) NOT IN (SELECT participant_id FROM ${vault}.participant_keys)
           AND substr(stream_id, @length + 1) NOT IN (SELECT participant_id FROM ${vault}.shredded_keys)`,
      )
      .pluck()
      .get({ length: PARTICIPANT_STREAM_PREFIX.length, prefix: PARTICIPANT_STREAM_PREFIX }) as number;
  } finally {
    if (keysFile !== null) events.exec(`DETACH DATABASE ${vault}`);
  }
}

/** Checks the copied log: positions 1 to `lastPosition` without a gap, and a key or a tombstone for each participant. */
export function checkLog(events: Database.Database, lastPosition: bigint, keysFile: string | null): void {
  checkPositions(events, lastPosition);
  const withoutKey = participantsWithoutKey(events, keysFile);
  if (withoutKey > 0) {
    throw damagedBackup('BACKUP_KEYS_MISSING', `${withoutKey} participant(s) of the backup's log have neither a key nor a tombstone in its key vault`);
  }
}

/**
 * Participants erased after `lastPosition` in the log of `file` (a file a restore replaces), or
 * null when it has no log this backup continues, or cannot be read (a damaged file): their keys
 * come back with the backup, and they are to be erased again.
 */
export function erasedAfter(file: string, lastPosition: bigint): string[] | null {
  try {
    return readOnly(file, (db) =>
      (db.prepare("SELECT stream_id FROM events WHERE global_position > ? AND type = 'PersonalDataErased' ORDER BY global_position").pluck().all(lastPosition) as string[]).map(
        (streamId) => streamId.slice(PARTICIPANT_STREAM_PREFIX.length),
      ),
    );
  } catch {
    return null;
  }
}
