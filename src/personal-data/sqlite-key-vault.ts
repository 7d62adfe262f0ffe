import type Database from 'better-sqlite3';
import type { KeyVault } from './key-vault.port';
import { newParticipantKey } from './personal-data-cipher';

/** Keys in their own table of the store's SQLite file. */
export class SqliteKeyVault implements KeyVault {
  private readonly insert: Database.Statement<[string, Buffer]>;
  private readonly select: Database.Statement<[string], { key: Buffer }>;
  private readonly remove: Database.Statement<[string]>;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS participant_keys (
      participant_id TEXT PRIMARY KEY,
      key BLOB NOT NULL
    )`);
    this.insert = db.prepare('INSERT OR IGNORE INTO participant_keys (participant_id, key) VALUES (?, ?)');
    this.select = db.prepare('SELECT key FROM participant_keys WHERE participant_id = ?');
    this.remove = db.prepare('DELETE FROM participant_keys WHERE participant_id = ?');
  }

  async keyFor(participantId: string): Promise<Buffer> {
    const existing = this.select.get(participantId);
    // Every append asks: only the first may write, since a write is a transaction waiting for the disk.
    if (existing) return existing.key;
    this.insert.run(participantId, newParticipantKey());
    return this.select.get(participantId)!.key;
  }

  async find(participantId: string): Promise<Buffer | null> {
    return this.select.get(participantId)?.key ?? null;
  }

  async shred(participantId: string): Promise<void> {
    // secure_delete overwrites the row in the database pages; the write-ahead log still holds the
    // page images with the key until it is checkpointed and truncated.
    this.remove.run(participantId);
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result.busy) throw new Error('The write-ahead log is in use; the erasure must be retried');
  }
}
