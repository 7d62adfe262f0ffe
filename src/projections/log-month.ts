import type Database from 'better-sqlite3';

/**
 * The table of a projection's log month: one row, the latest month ('YYYY-MM') an event it folded
 * was recorded in. Every event folded from then on counts in that month or a later one, so a month
 * before it is closed for good, whatever the projection's lag, the replicas' clocks or a refold.
 */
export const logMonthTable = (table: string): string =>
  `CREATE TABLE IF NOT EXISTS ${table} (only INTEGER PRIMARY KEY CHECK (only = 1), month TEXT NOT NULL) STRICT;`;

/** The log month held in `table`; undefined before the projection folds its first event that has one. */
export const selectLogMonth = (db: Database.Database, table: string): Database.Statement<[], string> =>
  db.prepare<[], string>(`SELECT month FROM ${table}`).pluck();

/** A projection's log month during a batch: read once, written once when the batch is flushed. */
export class LogMonth {
  private readonly select: Database.Statement<[], string>;
  private readonly upsert: Database.Statement<[string]>;
  private held?: { loaded: string; current: string };

  constructor(db: Database.Database, table: string) {
    this.select = selectLogMonth(db, table);
    this.upsert = db.prepare<[string]>(`INSERT INTO ${table} (only, month) VALUES (1, ?) ON CONFLICT (only) DO UPDATE SET month = excluded.month`);
  }

  /**
   * The month an event recorded in `recorded` counts in: the later of it and the log's. Never
   * back: an event the log holds after one of a later month (a lagging replica's clock) counts in
   * that later month.
   */
  advance(recorded: string): string {
    // Asked for every event of a replay: the month is read once a batch, and nothing is made per call.
    if (this.held === undefined) {
      const loaded = this.select.get() ?? '';
      this.held = { loaded, current: loaded };
    }
    if (recorded > this.held.current) this.held.current = recorded;
    return this.held.current;
  }

  flush(): void {
    const held = this.held;
    this.held = undefined;
    if (held !== undefined && held.current !== held.loaded) this.upsert.run(held.current);
  }

  discard(): void {
    this.held = undefined;
  }
}
