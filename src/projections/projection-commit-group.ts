import type Database from 'better-sqlite3';
import { noBusyWaitOn, withoutWaitingForTheDisk } from '../storage/write-ahead-log';

interface PendingCommit {
  work: () => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Settled = { value: unknown } | { error: unknown };

/**
 * The runner's loops' commits, made together when several are asked for in the same run of
 * microtasks: a recorded event reaches every loop at once, and one transaction for all their
 * batches writes the checkpoints' page and the write-ahead log's frames once instead of once per
 * projection. Each loop's work still runs in a transaction of its own (nested: a savepoint), so
 * that one that throws is rolled back and rejected alone. The appends' commits are not involved.
 */
export class ProjectionCommitGroup {
  /** Commits waiting for the group's, in the order they were asked for. */
  private pending: PendingCommit[] = [];
  private readonly commitGroup: Database.Transaction<(group: readonly PendingCommit[]) => Settled[]>;
  private readonly noBusyWait: <T>(work: () => T) => T;

  constructor(private readonly db: Database.Database) {
    this.noBusyWait = noBusyWaitOn(db);
    this.commitGroup = db.transaction((group) =>
      group.map((commit): Settled => {
        try {
          return { value: commit.work() };
        } catch (error) {
          // SQLite rolled the whole transaction back (a full disk, say): the group fails as one.
          if (!db.inTransaction) throw error;
          return { error };
        }
      }),
    );
  }

  /** Runs `work` (a transaction function of the same connection) within the next group's transaction. */
  commit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending = { work, resolve: resolve as (value: unknown) => void, reject };
      // Once the microtasks queued now have run: the loops woken by the same append reach their
      // commits in them, and share one, with no turn of the event loop (and its requests) in between.
      if (this.pending.push(pending) === 1) process.nextTick(() => this.commitPending());
    });
  }

  private commitPending(): void {
    const group = this.pending;
    this.pending = [];
    let settled: Settled[];
    try {
      // IMMEDIATE takes the write lock before any loop reads its checkpoint: no other writer moves one in between.
      // Held by another process (a rebuild's swap), it fails at once (SQLITE_BUSY) rather than hold the event loop in
      // SQLite's busy wait: the loops try again shortly.
      // Without waiting for the disk: each batch and its checkpoint commit or roll back together, so a power cut can
      // only take a read model back to an earlier checkpoint, from which it replays.
      settled = this.noBusyWait(() => withoutWaitingForTheDisk(this.db, () => this.commitGroup.immediate(group)));
    } catch (error) {
      for (const commit of group) commit.reject(error);
      return;
    }
    settled.forEach((outcome, index) => ('value' in outcome ? group[index].resolve(outcome.value) : group[index].reject(outcome.error)));
  }
}
