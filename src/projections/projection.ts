import type Database from 'better-sqlite3';
import type { GlobalPosition, StoredEvent } from '../event-store/event-store.port';

/**
 * A read model folded from the global log into SQLite tables. The runner applies each event inside
 * the transaction that also moves the projection's checkpoint, so an event is applied exactly once
 * even across crashes.
 */
export interface Projection {
  /** Stable name: the checkpoint's key and the rebuild command's argument. */
  readonly name: string;
  /** Tables the projection owns; a rebuild replaces them all at once. */
  readonly tables: readonly string[];
  /**
   * The version of its tables' layout, 1 when absent: raised with any change to them, it makes the
   * runner drop the tables laid out otherwise and fold the log into new ones from the start.
   */
  readonly layout?: number;
  /**
   * True when its tables hold nothing that the log does not give without a key: values in clear
   * worked out from the events', personal data and free text sealed as the events have them
   * (nothing opened, no index of names).
   * Their pages may then be freed without being overwritten (`dropTables`): what they leave in the
   * file's free pages is in its events anyway, and an erasure makes it unreadable there by
   * shredding the key, not by deleting bytes.
   */
  readonly holdsOnlyTheLog?: boolean;
  /**
   * The event types its `apply` reads, when it names them: it must change nothing and tell no
   * topic for events of other types, which a rebuild then passes over without decoding them
   * (`EventStore.readTypes`). Absent: every type.
   */
  readonly readsTypes?: ReadonlySet<string>;
  /** Creates the tables on `db` if missing, and prepares the statements that write them. */
  open(db: Database.Database): ProjectionWriter;
  /**
   * What is wrong with its tables, existing and folded up to `checkpoint`, by cheap aggregate
   * queries (rows against the log's streams, totals against what they sum), inside the caller's
   * read transaction. Empty when nothing is found: not a proof of correctness.
   */
  verify?(db: Database.Database, checkpoint: GlobalPosition): ReadModelProblem[];
  /** Every topic its tables hold data of: told to live subscribers when the tables are replaced under them. */
  liveTopics?(db: Database.Database): string[];
}

/** What verifying a read model needs of its projection: nothing that folds (no keys, no writer). */
export type ReadModelCheck = Pick<Projection, 'name' | 'tables' | 'verify'>;

/** Something found wrong with a read model, in words an operator can act on (never personal data). */
export interface ReadModelProblem {
  /**
   * `checkpoint`: it does not describe the tables (missing while they hold rows, behind their rows,
   * beyond the log, or a table gone), so folding on from it would apply events twice or never; the
   * runner resets such tables and folds the log again. `rows`: rows missing or totals that do not
   * add up; reported until a rebuild repairs them.
   */
  kind: 'checkpoint' | 'rows';
  message: string;
}

/** Driven by `foldEvents`, one batch of events at a time, each batch in a transaction of its own. */
export interface ProjectionWriter {
  /**
   * Before the batch's transaction, for what `apply` needs but cannot wait for (a participant's key
   * from the KeyVault): whatever it keeps in memory is for that batch's `apply` only, and goes with
   * `flush` or `discard`; the runner discards a batch it does not fold. Absent for most writers,
   * whose replay then never waits.
   */
  prepare?(events: readonly StoredEvent[]): Promise<void>;
  /**
   * Folds one event in; synchronous, inside the runner's transaction. Returns the topics whose
   * data changed (e.g. a dashboard's key), which live subscribers are told about after the commit.
   */
  apply(event: StoredEvent): readonly string[];
  /**
   * After the batch's last event, in the same transaction and before the checkpoint moves: a
   * writer that keeps the records a batch changed in memory writes each of them here, once.
   */
  flush?(): void;
  /**
   * When the batch failed and its transaction rolls back: what the writer kept in memory from it
   * was never written, so it must go too, or the retry would fold its events in twice.
   */
  discard?(): void;
}
