import type Database from 'better-sqlite3';
import {
  type AppendResult,
  type EventStore,
  type GlobalPosition,
  type LogWindow,
  type NewEvent,
  type StoredEvent,
  START_OF_LOG,
  WrongExpectedVersion,
} from '../event-store.port';
import { LOCK_RETRY_MS, LOCK_WAIT_MS, lockHeldTooLong } from '../../storage/lock-wait';
import { isBusy, noBusyWaitOn } from '../../storage/write-ahead-log';

/** Another process (a rebuild CLI, a second replica) may append to the same file unseen: look this often. */
const POLL_INTERVAL_MS = 200;

export interface SqliteEventStoreOptions {
  /** How long appends wait for another process's write lock before they are refused (StoreUnavailable). */
  lockWaitMs?: number;
}

// Positions are never reused, even without AUTOINCREMENT: the triggers forbid deleting the last row.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS streams (
    stream_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE IF NOT EXISTS events (
    global_position INTEGER PRIMARY KEY,
    stream_id TEXT NOT NULL REFERENCES streams (stream_id),
    version INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    UNIQUE (stream_id, version)
  ) STRICT;

  CREATE TRIGGER IF NOT EXISTS events_refuse_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

  CREATE TRIGGER IF NOT EXISTS events_refuse_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
`;

/** A stored event's columns, in EVENT_COLUMNS' order: read as arrays, rows cost no object of their own. */
type EventRow = [position: bigint, streamId: string, version: bigint, type: string, data: string, metadata: string];

const EVENT_COLUMNS = 'global_position, stream_id, version, type, data, metadata';

// Statements that return positions use safeIntegers, so that positions are bigint end to end.
function prepareStatements(db: Database.Database) {
  return {
    createStream: db.prepare<[string, number]>(
      'INSERT INTO streams (stream_id, version) VALUES (?, ?) ON CONFLICT (stream_id) DO NOTHING',
    ),
    advanceStream: db.prepare<[number, string, number]>(
      'UPDATE streams SET version = ? WHERE stream_id = ? AND version = ?',
    ),
    streamVersion: db.prepare<[string], number>('SELECT version FROM streams WHERE stream_id = ?').pluck(),
    insertEvent: db
      .prepare<[string, number, string, string, string], bigint>(
        `INSERT INTO events (stream_id, version, type, data, metadata) VALUES (?, ?, ?, ?, ?)
         RETURNING global_position`,
      )
      .pluck()
      .safeIntegers(),
    readStream: db
      .prepare<[string, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND version > ? ORDER BY version`)
      .raw()
      .safeIntegers(),
    readAll: db
      .prepare<[GlobalPosition, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
      )
      .raw()
      .safeIntegers(),
    // Only the window's positions: its other columns are not even read.
    window: db
      .prepare<[GlobalPosition, number], [size: bigint, end: bigint | null]>(
        'SELECT count(*), max(global_position) FROM (SELECT global_position FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?)',
      )
      .raw()
      .safeIntegers(),
    // SQLite builds the uncorrelated IN list once per run, then looks each row's type up in it:
    // the rows of other types never leave SQLite.
    readTypes: db
      .prepare<[GlobalPosition, GlobalPosition, string], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? AND global_position <= ?
         AND type IN (SELECT value FROM json_each(?)) ORDER BY global_position`,
      )
      .raw()
      .safeIntegers(),
    // Not max(): wrapped in coalesce it would scan the table; this is one index lookup.
    head: db
      .prepare<[], bigint>('SELECT global_position FROM events ORDER BY global_position DESC LIMIT 1')
      .pluck()
      .safeIntegers(),
  };
}

interface PendingAppend {
  streamId: string;
  events: readonly NewEvent[];
  expectedVersion: number;
  /** When it was asked for (performance.now()): it waits for another process's lock for so long only. */
  askedAt: number;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Settled = { result: AppendResult } | { error: unknown };

/**
 * The embedded event store: one SQLite file shared with the read models. The connection belongs
 * to whoever opened it (see openSqliteDatabase); this store never closes it.
 *
 * Appends made in the same turn of the event loop commit together (group commit): a commit waits
 * for the disk (synchronous=FULL), and one wait for many appends is what lets concurrent requests
 * share it. Each append still checks its own version and succeeds or fails alone.
 *
 * While another process holds the file's write lock (a rebuild's swap, an import), the group waits
 * for it between turns of the event loop, not in SQLite's busy wait, which would hold the loop and
 * every request with it; appends asked for meanwhile join it. An append that has waited
 * `lockWaitMs` is refused (StoreUnavailable, SQLITE_BUSY), and nothing of it is stored.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly commitGroup: Database.Transaction<(group: readonly PendingAppend[]) => Settled[]>;
  /** Appends waiting for the next group commit, in the order they were asked for. */
  private pending: PendingAppend[] = [];
  /** Waiters of this instance, woken with the new head as soon as one of its appends commits. */
  private readonly waiters = new Set<(head: GlobalPosition) => void>();
  private readonly lockWaitMs: number;
  private readonly noBusyWait: <T>(work: () => T) => T;

  constructor(db: Database.Database, { lockWaitMs = LOCK_WAIT_MS }: SqliteEventStoreOptions = {}) {
    this.lockWaitMs = lockWaitMs;
    this.noBusyWait = noBusyWaitOn(db);
    db.exec(SCHEMA);
    this.statements = prepareStatements(db);
    // Nested in the group's transaction, each append runs in a savepoint: a failed one leaves no trace.
    const appendOne = db.transaction((streamId: string, events: readonly NewEvent[], expectedVersion: number) =>
      this.appendInTransaction(streamId, events, expectedVersion),
    );
    this.commitGroup = db.transaction((group) =>
      group.map((append): Settled => {
        try {
          return { result: appendOne(append.streamId, append.events, append.expectedVersion) };
        } catch (error) {
          // SQLite rolled the whole transaction back (a full disk, an I/O error): the appends before
          // this one are undone too, and those after it would each commit alone. The group fails as one.
          if (!db.inTransaction) throw error;
          return { error };
        }
      }),
    );
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], expectedVersion: number): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`Nothing to append to ${streamId}: an append needs events`);
    if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
      throw new RangeError(`Expected version of ${streamId} must be a whole number ≥ 0, not ${expectedVersion}`);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      // setImmediate runs after the event loop has taken in what the network had ready: the requests
      // read in this turn reach their appends first and share the commit.
      const askedAt = performance.now();
      if (this.pending.push({ streamId, events, expectedVersion, askedAt, resolve, reject }) === 1) setImmediate(() => this.commitPending());
    });
  }

  async readStream(streamId: string, afterVersion = 0): Promise<StoredEvent[]> {
    return this.statements.readStream.all(streamId, afterVersion).map(toStoredEvent);
  }

  async readAll(after: GlobalPosition, limit: number): Promise<StoredEvent[]> {
    // SQLite reads a negative LIMIT as "no limit": refuse it rather than read the whole log.
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`readAll limit must be ≥ 1, not ${limit}`);
    return this.statements.readAll.all(after, limit).map(toStoredEvent);
  }

  async readTypes(after: GlobalPosition, limit: number, types: ReadonlySet<string>): Promise<LogWindow> {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`readTypes limit must be ≥ 1, not ${limit}`);
    // The window first: appends only come after its end, so the second read finds the same events.
    const [size, end] = this.statements.window.get(after, limit)!;
    if (end === null) return { events: [], size: 0, end: after };
    const events = this.statements.readTypes.all(after, end, JSON.stringify([...types])).map(toStoredEvent);
    return { events, size: Number(size), end };
  }

  /** Whether the stream holds any event: one index lookup, for checks over many streams. */
  streamExists(streamId: string): boolean {
    return this.statements.streamVersion.get(streamId) !== undefined;
  }

  async headPosition(): Promise<GlobalPosition> {
    return this.readHead();
  }

  async waitForEvents(after: GlobalPosition, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted || this.readHead() > after) return;
    // Registered in the same synchronous turn as the check above: no append of this instance slips between.
    return new Promise<void>((resolve, reject) => {
      const stop = (): void => {
        clearInterval(poll);
        this.waiters.delete(onAppend);
        signal?.removeEventListener('abort', finish);
      };
      const finish = (): void => {
        stop();
        resolve();
      };
      const onAppend = (head: GlobalPosition): void => {
        if (head > after) finish();
      };
      const poll = setInterval(() => {
        try {
          onAppend(this.readHead());
        } catch (error) {
          // The owner closed the connection, say: fail this wait rather than throw from a timer.
          stop();
          reject(error);
        }
      }, POLL_INTERVAL_MS);
      this.waiters.add(onAppend);
      signal?.addEventListener('abort', finish, { once: true });
    });
  }

  private commitPending(): void {
    const group = this.pending;
    this.pending = [];
    let settled: Settled[];
    try {
      // IMMEDIATE takes the write lock before the version checks: a writer in another process makes
      // it fail at once, before anything is written, instead of failing halfway when a read lock
      // cannot be upgraded.
      settled = this.noBusyWait(() => this.commitGroup.immediate(group));
    } catch (error) {
      if (isBusy(error)) return this.waitForTheLock(group);
      // The commit itself failed (disk full, say): none of the group is stored.
      for (const append of group) append.reject(error);
      return;
    }
    let head = START_OF_LOG;
    for (const outcome of settled) {
      if ('result' in outcome) head = outcome.result.events.at(-1)!.position;
    }
    if (head > START_OF_LOG) for (const wake of this.waiters) wake(head);
    settled.forEach((outcome, index) => ('result' in outcome ? group[index].resolve(outcome.result) : group[index].reject(outcome.error)));
  }

  /** Another process holds the write lock: the group tries again shortly, but appends that have waited too long. */
  private waitForTheLock(group: readonly PendingAppend[]): void {
    const now = performance.now();
    const refused = group.filter((append) => now - append.askedAt >= this.lockWaitMs);
    for (const append of refused) append.reject(lockHeldTooLong(this.lockWaitMs));
    // Nothing was taken in since the group was: appends asked for now join it, after it.
    this.pending = group.filter((append) => !refused.includes(append));
    if (this.pending.length > 0) setTimeout(() => this.commitPending(), LOCK_RETRY_MS);
  }

  private appendInTransaction(streamId: string, events: readonly NewEvent[], expectedVersion: number): AppendResult {
    const nextVersion = expectedVersion + events.length;
    const claimed =
      expectedVersion === 0
        ? this.statements.createStream.run(streamId, nextVersion)
        : this.statements.advanceStream.run(nextVersion, streamId, expectedVersion);
    if (claimed.changes === 0) {
      // Throwing rolls this append's savepoint back; nothing has been written by it yet anyway.
      throw new WrongExpectedVersion(streamId, expectedVersion, this.statements.streamVersion.get(streamId) ?? 0);
    }
    const stored = events.map((event, index): StoredEvent => {
      const version = expectedVersion + index + 1;
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      const position = this.statements.insertEvent.get(streamId, version, event.type, data, metadata)!;
      // Parsed back from the stored text, so that the writer sees exactly what readers will.
      return { streamId, version, position, type: event.type, data: JSON.parse(data), metadata: JSON.parse(metadata) };
    });
    return { nextVersion, events: stored };
  }

  private readHead(): GlobalPosition {
    return this.statements.head.get() ?? START_OF_LOG;
  }
}

function toStoredEvent([position, streamId, version, type, data, metadata]: EventRow): StoredEvent {
  return { streamId, version: Number(version), position, type, data: JSON.parse(data), metadata: JSON.parse(metadata) };
}
