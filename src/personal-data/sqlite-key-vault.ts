import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { LOCK_WAIT_MS, whenTheLockIsFree } from '../storage/lock-wait';
import { noBusyWaitOn, truncateWriteAheadLog, withoutWaiting, withoutWaitingForTheDisk } from '../storage/write-ahead-log';
import { KeyShredded, type KeyVault, type PendingKeyRemovals } from './key-vault.port';
import { newParticipantKey } from './personal-data-cipher';
import { RetryUntilDone } from './retry-until-done';

/** Where a look through the keys in order of creation goes on from: after the key of this time and row, or from the time on. */
export interface KeysCreatedAfter {
  createdAt: number;
  rowid?: number;
}

/** From a tenth of a second, as a reader's transaction is often short; half a minute apart at most. */
const REMOVAL_RETRY = { firstDelayMs: 100, maxDelayMs: 30_000 };

/**
 * Keys in their own tables of a SQLite file: the event store's, or one of their own
 * (KEY_VAULT_FILE). Shredding deletes the key and leaves a tombstone, in one transaction: the
 * key is unreadable at once, and no key is ever created again for that participant. The
 * database runs with secure_delete, so the row is overwritten in its page; the page images in
 * the write-ahead log still hold the key until the log is checkpointed and truncated, which a
 * reader of another process can hold off. The tombstone records that removal while it is
 * pending, across restarts, and it is retried until done.
 */
export class SqliteKeyVault implements KeyVault {
  private readonly logger = new Logger(SqliteKeyVault.name);
  private readonly insert: Database.Statement<[{ participantId: string; key: Buffer; createdAt: number }]>;
  private readonly createdAfter: Database.Statement<[number, number, number, number], { rowid: number; createdAt: number; participantId: string }>;
  private readonly lookedAt: Database.Statement<[], number>;
  private readonly removeInOneTransaction: (participantIds: readonly string[], unused: (participantId: string) => boolean, lookedAtBefore: number) => number;
  private readonly select: Database.Statement<[string], { key: Buffer }>;
  private readonly shredInOneTransaction: (participantId: string) => void;
  private readonly removalDone: Database.Statement<[]>;
  private readonly pending: Database.Statement<[], { count: number; oldest: number | null }>;
  private readonly removal = new RetryUntilDone(() => this.removeCopies(), REMOVAL_RETRY);
  /** Writes of the request path wait for another process's lock (a rebuild's swap) between turns of the event loop. */
  private readonly noBusyWait: <T>(work: () => T) => T;
  private readonly lockWaitMs: number;
  private readonly onTheEventLog: boolean;

  constructor(
    private readonly db: Database.Database,
    {
      lockWaitMs = LOCK_WAIT_MS,
      onTheEventLog = false,
    }: {
      /** How long a write waits for another process's write lock before it is refused (StoreUnavailable). */
      lockWaitMs?: number;
      /**
       * The keys are in the event store's file, on its connection: a new key commits without
       * waiting for the disk, since the append sealing data under it commits after it on the same
       * write-ahead log, at synchronous=FULL, and makes it durable too. Lost in a power cut before
       * that append, it seals nothing: the enrolment was not acknowledged, and is recorded anew.
       * Saves an fsync per enrolment, which holds the event loop (longer while other writes load the disk).
       */
      onTheEventLog?: boolean;
    } = {},
  ) {
    this.noBusyWait = noBusyWaitOn(db);
    this.lockWaitMs = lockWaitMs;
    this.onTheEventLog = onTheEventLog;
    db.exec(`
      CREATE TABLE IF NOT EXISTS participant_keys (
        participant_id TEXT PRIMARY KEY,
        key BLOB NOT NULL,
        created_at INTEGER
      );
      CREATE TABLE IF NOT EXISTS shredded_keys (
        participant_id TEXT PRIMARY KEY,
        -- When the key was shredded, while a copy may remain in the write-ahead log; null once none can.
        removal_pending_since INTEGER
      );
      CREATE INDEX IF NOT EXISTS shredded_keys_pending ON shredded_keys (removal_pending_since)
        WHERE removal_pending_since IS NOT NULL;
      -- How far the collection of unused keys got: every key created before it was looked at.
      CREATE TABLE IF NOT EXISTS unused_keys_looked_at (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        created_before INTEGER NOT NULL
      );
    `);
    addCreationTimes(db);
    const remove = db.prepare<[string]>('DELETE FROM participant_keys WHERE participant_id = ?');
    this.insert = db.prepare(`INSERT OR IGNORE INTO participant_keys (participant_id, key, created_at)
      SELECT @participantId, @key, @createdAt WHERE NOT EXISTS (SELECT 1 FROM shredded_keys WHERE participant_id = @participantId)`);
    // The index on created_at holds each row's rowid after it: the pages follow it, and need no sort.
    this.createdAfter = db.prepare(`SELECT rowid, created_at AS createdAt, participant_id AS participantId FROM participant_keys
      WHERE created_at < ? AND (created_at, rowid) > (?, ?) ORDER BY created_at, rowid LIMIT ?`);
    this.lookedAt = db.prepare<[], number>('SELECT created_before FROM unused_keys_looked_at').pluck();
    const lookedAtBefore = db.prepare<[number]>(`INSERT INTO unused_keys_looked_at (singleton, created_before) VALUES (1, ?)
      ON CONFLICT (singleton) DO UPDATE SET created_before = max(created_before, excluded.created_before)`);
    this.removeInOneTransaction = db.transaction((participantIds: readonly string[], unused: (participantId: string) => boolean, before: number) => {
      let removed = 0;
      for (const participantId of participantIds) if (unused(participantId)) removed += remove.run(participantId).changes;
      lookedAtBefore.run(before);
      return removed;
    });
    this.select = db.prepare('SELECT key FROM participant_keys WHERE participant_id = ?');
    const tombstone = db.prepare<[string, number]>('INSERT OR IGNORE INTO shredded_keys (participant_id, removal_pending_since) VALUES (?, ?)');
    this.shredInOneTransaction = db.transaction((participantId: string) => {
      remove.run(participantId);
      tombstone.run(participantId, Date.now());
    });
    this.removalDone = db.prepare('UPDATE shredded_keys SET removal_pending_since = NULL WHERE removal_pending_since IS NOT NULL');
    this.pending = db.prepare(
      'SELECT count(*) AS count, min(removal_pending_since) AS oldest FROM shredded_keys WHERE removal_pending_since IS NOT NULL',
    );
    // Once at start: completes a removal left pending when the service stopped or crashed.
    this.removal.run();
  }

  async keyFor(participantId: string): Promise<Buffer> {
    const existing = this.select.get(participantId);
    // Every append asks: only the first may write, since a write is a transaction waiting for the disk.
    if (existing) return existing.key;
    const key = newParticipantKey();
    const insert = () => this.insert.run({ participantId, key, createdAt: Date.now() });
    await whenTheLockIsFree(this.noBusyWait, this.onTheEventLog ? () => withoutWaitingForTheDisk(this.db, insert) : insert, this.lockWaitMs);
    const created = this.select.get(participantId);
    if (!created) throw new KeyShredded(participantId);
    return created.key;
  }

  async find(participantId: string): Promise<Buffer | null> {
    return this.select.get(participantId)?.key ?? null;
  }

  async shred(participantId: string): Promise<void> {
    await whenTheLockIsFree(this.noBusyWait, () => this.shredInOneTransaction(participantId), this.lockWaitMs);
    this.removal.run();
  }

  async pendingRemovals(): Promise<PendingKeyRemovals> {
    const { count, oldest } = this.pending.get()!;
    return { count, oldestSince: oldest === null ? null : new Date(oldest) };
  }

  /**
   * Keys created before this time were all looked at by the collection of unused keys (0 before
   * its first): it goes on from there, after a restart too, rather than looking at every key again.
   */
  keysLookedAtBefore(): number {
    return this.lookedAt.get() ?? 0;
  }

  /**
   * A page of the participants whose keys were created from `after`'s time until `before`, in
   * order of creation, after the key `after` names (from its time on when it names none): a page
   * of a million keys would hold the event loop for seconds. `next` names the page's last key, or
   * is null once there are no more.
   */
  keysCreated(after: KeysCreatedAfter, before: number, limit: number): { participantIds: string[]; next: KeysCreatedAfter | null } {
    const rows = this.createdAfter.all(before, after.createdAt, after.rowid ?? 0, limit);
    // A short page is the last one.
    const last = rows.length === limit ? rows[limit - 1] : undefined;
    return { participantIds: rows.map((row) => row.participantId), next: last ? { createdAt: last.createdAt, rowid: last.rowid } : null };
  }

  /**
   * Deletes the keys of these participants that `unused` says, asked again in the deleting
   * transaction, have nothing sealed under them: keys of enrolments whose append failed. No
   * tombstone: such a participant may still enrol. In the same transaction, records that the keys
   * created before `lookedAtBefore` were looked at (keysLookedAtBefore). Answers how many were
   * deleted. Waits for another process's write lock as the request path's writes do, between turns
   * of the event loop.
   */
  async removeUnused(participantIds: readonly string[], unused: (participantId: string) => boolean, lookedAtBefore: number): Promise<number> {
    return whenTheLockIsFree(this.noBusyWait, () => this.removeInOneTransaction(participantIds, unused, lookedAtBefore), this.lockWaitMs);
  }

  /** Stops retrying: a removal still pending is taken up again at the next start. */
  close(): void {
    this.removal.stop();
  }

  /** Done when the write-ahead log is truncated, or when nothing waits for it. */
  private removeCopies(): boolean {
    // No shredded key waits for its removal: the log is left to SQLite's own checkpoints.
    if (this.pending.get()!.count === 0) return true;
    try {
      const truncated = withoutWaiting(this.db, () => {
        if (!truncateWriteAheadLog(this.db)) return false;
        this.removalDone.run();
        return true;
      });
      return truncated || this.pending.get()!.count === 0;
    } catch (error) {
      // Runs on a timer: a fault here must not end the process. It stays pending, and is reported so.
      this.logger.error(`Removing shredded keys from the write-ahead log failed; retrying: ${String(error)}`);
      return false;
    }
  }
}

/** Keys of versions before creation times were kept have none: they count as old, created at 0. */
function addCreationTimes(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('participant_keys')").all();
  if (!columns.some(({ name }) => name === 'created_at')) db.exec('ALTER TABLE participant_keys ADD COLUMN created_at INTEGER');
  db.exec('CREATE INDEX IF NOT EXISTS participant_keys_created ON participant_keys (created_at)');
  // Looked for first: the update would take the write lock at every start.
  if (db.prepare('SELECT 1 FROM participant_keys WHERE created_at IS NULL LIMIT 1').get()) {
    db.exec('UPDATE participant_keys SET created_at = 0 WHERE created_at IS NULL');
  }
}
