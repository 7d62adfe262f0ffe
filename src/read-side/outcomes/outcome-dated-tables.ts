import type Database from 'better-sqlite3';
import type { Catalogue } from '../../catalogue/catalogue';
import { KEY_MODULUS } from '../../outcomes/cell';
import { dayDeltas, type LiveDeltas } from '../../outcomes/dated-deltas';
import type { OutcomeFact } from '../../outcomes/outcome-facts';
import { addToCounter, addToTally, BatchChanges, isNothing, type PeriodChange } from './batch-changes';

/** What the dated tables are kept by: each change of figures under the day it is dated, and under its month. */
type Period = 'month' | 'day';

const tablesOf = (period: Period) => [`outcome_${period}_counters`, `outcome_${period}_survival`, `outcome_${period}_stamps`];

/** The tables of trends and figures as of a date (docs/outcomes.md, "How the figures are kept"), part of the outcomes read model. */
export const OUTCOME_DATED_TABLES = [...tablesOf('month'), ...tablesOf('day')];

/**
 * Per scope and month, and per scope and day, the change of each counter and survival tally dated
 * then, beside its key sum, and the last event that changed any of them: figures as of a date are
 * the sums over the months before its month and the days of its month up to it, so they cost a
 * read of a scope's months and of one month's days, not a pass over its participants. Kept by the
 * outcomes projection in the same transaction as the counters: a batch's changes are summed in
 * memory, and each row is written once when the batch is flushed.
 */
export class OutcomeDatedTables {
  private readonly months: PeriodTables;
  private readonly days: PeriodTables;

  constructor(
    db: Database.Database,
    private readonly exitClasses: Catalogue['exitClasses'],
  ) {
    this.months = new PeriodTables(db, 'month');
    this.days = new PeriodTables(db, 'day');
  }

  /** Folds a participant's change of facts in, whose live deltas are `live`; the position and time are its event's. */
  apply(city: string, before: readonly OutcomeFact[], after: readonly OutcomeFact[], live: LiveDeltas, recordKey: number, position: bigint, recordedAt: string): void {
    const { counters, survival } = dayDeltas(city, before, after, this.exitClasses, live);
    // A month's change is the sum of its days'. A change that moves a fact within its month leaves
    // the month's sums but not its days': the month is stamped all the same. Deltas come by scope
    // and day: the changes of the previous one are looked up again only when those move.
    let held: { day: PeriodChange; month: PeriodChange } | undefined;
    const changesOf = (scope: string, day: string) => {
      if (held?.day.scope !== scope || held.day.period !== day) {
        held = { day: this.days.changes.of(scope, day, position, recordedAt), month: this.months.changes.of(scope, day.slice(0, 7), position, recordedAt) };
      }
      return held;
    };
    for (const { scope, period, counter, delta } of counters) {
      const { day, month } = changesOf(scope, period);
      addToCounter(day, counter, delta, recordKey);
      addToCounter(month, counter, delta, recordKey);
    }
    for (const { scope, period, kind, key, delta } of survival) {
      const { day, month } = changesOf(scope, period);
      addToTally(day, kind, key, delta, recordKey);
      addToTally(month, kind, key, delta, recordKey);
    }
  }

  /** Writes what the batch changed. */
  flush(): void {
    this.days.flush();
    this.months.flush();
  }

  /** Forgets what the batch changed: its transaction rolls back. */
  discard(): void {
    this.days.changes.discard();
    this.months.changes.discard();
  }
}

/** The three tables of one period, and what the batch changed in them. */
class PeriodTables {
  readonly changes = new BatchChanges();
  private readonly sql: ReturnType<typeof prepare>;

  constructor(db: Database.Database, period: Period) {
    const [counters, survival, stamps] = tablesOf(period);
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${counters} (
        scope TEXT NOT NULL, ${period} TEXT NOT NULL, counter TEXT NOT NULL, value INTEGER NOT NULL, key_sum INTEGER NOT NULL,
        PRIMARY KEY (scope, ${period}, counter)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS ${counters}_nothing ON ${counters} (value, key_sum) WHERE value = 0 AND key_sum = 0;
      CREATE TABLE IF NOT EXISTS ${survival} (
        scope TEXT NOT NULL, ${period} TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL, key_sum INTEGER NOT NULL,
        PRIMARY KEY (scope, ${period}, kind, key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS ${survival}_nothing ON ${survival} (count, key_sum) WHERE count = 0 AND key_sum = 0;
      CREATE TABLE IF NOT EXISTS ${stamps} (
        scope TEXT NOT NULL, ${period} TEXT NOT NULL, last_position INTEGER NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (scope, ${period})
      ) STRICT, WITHOUT ROWID;
    `);
    this.sql = prepare(db, period);
  }

  /** Writes each row the batch changed, once. */
  flush(): void {
    const { sql } = this;
    for (const { scope, period, counters, tallies, position, recordedAt } of this.changes.take()) {
      for (const [counter, cell] of counters) if (!isNothing(cell)) sql.addToCounter.run(scope, period, counter, cell.n, cell.key);
      for (const tally of tallies.values()) if (!isNothing(tally)) sql.addToTally.run(scope, period, tally.kind, tally.entry, tally.n, tally.key);
      sql.stamp.run(scope, period, position, recordedAt);
    }
    // A row is the running sum of the changes dated there, absent while that is nothing: a period's
    // change may be taken back whole (a voided job), and its row goes, so that the tables stay
    // bounded by what is dated there. Only this batch's rows can have come to nothing: the partial
    // indexes find them without reading the rows it added to.
    sql.dropNothing();
  }
}

function prepare(db: Database.Database, period: Period) {
  const [counters, survival, stamps] = tablesOf(period);
  const dropCounters = db.prepare(`DELETE FROM ${counters} WHERE value = 0 AND key_sum = 0`);
  const dropTallies = db.prepare(`DELETE FROM ${survival} WHERE count = 0 AND key_sum = 0`);
  return {
    // Key sums are added as non-negative numbers below 2^32, and stay so mod 2^32.
    addToCounter: db.prepare<[string, string, string, number, number]>(
      `INSERT INTO ${counters} (scope, ${period}, counter, value, key_sum) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scope, ${period}, counter) DO UPDATE SET value = value + excluded.value, key_sum = (key_sum + excluded.key_sum) % ${KEY_MODULUS}`,
    ),
    addToTally: db.prepare<[string, string, string, string, number, number]>(
      `INSERT INTO ${survival} (scope, ${period}, kind, key, count, key_sum) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (scope, ${period}, kind, key) DO UPDATE SET count = count + excluded.count, key_sum = (key_sum + excluded.key_sum) % ${KEY_MODULUS}`,
    ),
    dropNothing: () => {
      dropCounters.run();
      dropTallies.run();
    },
    stamp: db.prepare<[string, string, bigint, string]>(
      `INSERT INTO ${stamps} (scope, ${period}, last_position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope, ${period}) DO UPDATE SET last_position = excluded.last_position, updated_at = excluded.updated_at`,
    ),
  };
}
