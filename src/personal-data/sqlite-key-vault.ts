import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { LOCK_WAIT_MS, whenTheLockIsFree } from '../storage/lock-wait';
import { noBusyWaitOn, truncateWriteAheadLog, withoutWaiting, withoutWaitingForTheDisk } from '../storage/write-ahead-log';
import { KeyShredded, type KeyVault, type PendingKeyRemovals } from './key-vault.port';
import { newParticipantKey } from './personal-data-cipher';
import { RetryUntilDone } from './retry-until-done';

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
  private readonly createdBetween: Database.Statement<[number, number], string>;
  private readonly createdUntimed: Database.Statement<[], string>;
  private readonly removeInOneTransaction: (participantIds: readonly string[], unused: (participantId: string) => boolean) => number;
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
    `);
    addCreationTimes(db);
    const remove = db.prepare<[string]>('DELETE FROM participant_keys WHERE participant_id = ?');
    this.insert = db.prepare(`INSERT OR IGNORE INTO participant_keys (participant_id, key, created_at)
      SELECT @participantId, @key, @createdAt WHERE NOT EXISTS (SELECT 1 FROM shredded_keys WHERE participant_id = @participantId)`);
    this.createdBetween = db
      .prepare<[number, number], string>('SELECT participant_id FROM participant_keys WHERE created_at >= ? AND created_at < ?')
      .pluck();
    this.createdUntimed = db.prepare<[], string>('SELECT participant_id FROM participant_keys WHERE created_at IS NULL').pluck();
    this.removeInOneTransaction = db.transaction((participantIds: readonly string[], unused: (participantId: string) => boolean) => {
      let removed = 0;
      for (const participantId of participantIds) if (unused(participantId)) removed += remove.run(participantId).changes;
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

  /** The participants whose keys were created from `from` (null: since ever, keys of versions that kept no creation time included) until `before`. */
  keysCreated(from: number | null, before: number): string[] {
    return from === null ? [...this.createdUntimed.all(), ...this.createdBetween.all(0, before)] : this.createdBetween.all(from, before);
  }

  /**
   * Deletes the keys of these participants that `unused` says, asked again in the deleting
   * transaction, have nothing sealed under them: keys of enrolments whose append failed. No
   * tombstone: such a participant may still enrol. Answers how many were deleted.
   */
  removeUnused(participantIds: readonly string[], unused: (participantId: string) => boolean): number {
    return participantIds.length === 0 ? 0 : this.removeInOneTransaction(participantIds, unused);
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

/** Keys of versions before creation times were kept have none: they count as old. */
function addCreationTimes(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('participant_keys')").all();
  if (!columns.some(({ name }) => name === 'created_at')) db.exec('ALTER TABLE participant_keys ADD COLUMN created_at INTEGER');
  db.exec('CREATE INDEX IF NOT EXISTS participant_keys_created ON participant_keys (created_at)');
}
