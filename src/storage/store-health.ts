import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { type StoreUnavailable, storeUnavailableOf } from './store-unavailable';
import { withoutWaiting } from './write-ahead-log';

/** The probe's own table: one row written and deleted in the same transaction, so it never grows. */
const PROBE_TABLE = `
  CREATE TABLE IF NOT EXISTS store_write_probe (
    id INTEGER PRIMARY KEY,
    filler BLOB NOT NULL
  )
`;
/** A bound on the probe's size (in pages), however many pages are free in the file. */
const MAX_PROBE_PAGES = 64;

/** Whether the store takes writes, and if not, since when and why. */
export type StoreWritable = { writable: true } | { writable: false; since: Date; cause: string };

/**
 * Whether the store's files take writes. A write refused for a cause outside the request (a full
 * disk, a read-only file, a lock held too long, an I/O error) marks them unwritable at once; the
 * next write that succeeds, a client's or the readiness probe's, marks them writable again.
 */
export class StoreHealth {
  private readonly logger = new Logger('Store');
  private down: { since: Date; cause: string } | null = null;
  private readonly probes: (() => boolean)[];

  constructor(databases: readonly Database.Database[]) {
    this.probes = [...new Set(databases)].map((db) => probeOf(db));
  }

  /** Runs a write of the store: its refusal for such a cause rejects with StoreUnavailable. */
  async recording<T>(write: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await write();
    } catch (error) {
      const unavailable = storeUnavailableOf(error);
      if (!unavailable) throw error;
      this.markDown(unavailable);
      throw unavailable;
    }
    this.markUp();
    return result;
  }

  /** While unwritable, probes with a small write of its own: the store recovers without waiting for a client. */
  writable(): StoreWritable {
    if (this.down) {
      try {
        if (this.probes.every((probe) => probe())) this.markUp();
      } catch (error) {
        const unavailable = storeUnavailableOf(error);
        if (!unavailable) throw error;
        this.down.cause = unavailable.detail;
      }
    }
    return this.down ? { writable: false, ...this.down } : { writable: true };
  }

  private markDown(unavailable: StoreUnavailable): void {
    // The request's own warning line says what failed; the time is kept from the first failure.
    this.down = { since: this.down?.since ?? new Date(), cause: unavailable.detail };
  }

  private markUp(): void {
    if (!this.down) return;
    this.logger.log(`The store takes writes again, after refusing them since ${this.down.since.toISOString()} (${this.down.cause})`);
    this.down = null;
  }
}

/**
 * A write that needs what the refused one needed: new pages beyond those free in the file (a
 * full disk, or max_page_count), and a commit through the write-ahead log. Written and deleted
 * in one transaction, so it leaves nothing. False while another connection holds the lock: the
 * probe never waits, as a readiness check must answer at once.
 */
function probeOf(db: Database.Database): () => boolean {
  db.exec(PROBE_TABLE);
  const insert = db.prepare<[number]>('INSERT INTO store_write_probe (id, filler) VALUES (1, zeroblob(?))');
  const remove = db.prepare('DELETE FROM store_write_probe');
  const write = db.transaction((bytes: number) => {
    insert.run(bytes);
    remove.run();
  });
  return () => {
    // A transaction of this connection is under way: it will tell for itself.
    if (db.inTransaction) return false;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const freePages = db.pragma('freelist_count', { simple: true }) as number;
    return withoutWaiting(db, () => {
      write.immediate(Math.min(freePages + 1, MAX_PROBE_PAGES) * pageSize);
      return true;
    });
  };
}
