import type Database from 'better-sqlite3';
import type { Catalogue } from '../../catalogue/catalogue';
import { addKey, KEY_MODULUS } from '../../outcomes/cell';
import { type DatedDeltas, dayDeltas, type LiveDeltas, monthDeltas } from '../../outcomes/dated-deltas';
import type { OutcomeFact } from '../../outcomes/outcome-facts';

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
 * outcomes projection in the same transaction as the counters.
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
    const days = dayDeltas(city, before, after, this.exitClasses, live);
    const stamped = this.days.add(days, recordKey);
    this.days.stamp(stamped, position, recordedAt);
    this.months.add(monthDeltas(days), recordKey);
    // A change that moves a fact within its month leaves the month's sums but not its days': the month is stamped all the same.
    this.months.stamp(new Set([...stamped].map((scopeDay) => scopeDay.slice(0, -3))), position, recordedAt);
  }
}

/** The three tables of one period. */
class PeriodTables {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(db: Database.Database, period: Period) {
    const [counters, survival, stamps] = tablesOf(period);
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${counters} (
        scope TEXT NOT NULL, ${period} TEXT NOT NULL, counter TEXT NOT NULL, value INTEGER NOT NULL, key_sum INTEGER NOT NULL,
        PRIMARY KEY (scope, ${period}, counter)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS ${survival} (
        scope TEXT NOT NULL, ${period} TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL, key_sum INTEGER NOT NULL,
        PRIMARY KEY (scope, ${period}, kind, key)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS ${stamps} (
        scope TEXT NOT NULL, ${period} TEXT NOT NULL, last_position INTEGER NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (scope, ${period})
      ) STRICT, WITHOUT ROWID;
    `);
    this.sql = prepare(db, period);
  }

  /** Adds the deltas; answers the scopes and periods they changed, as `scope\tperiod`. */
  add({ counters, survival }: DatedDeltas, recordKey: number): Set<string> {
    const touched = new Set<string>();
    // A period's change may be taken back whole (a voided job): its row goes, so that the tables stay bounded by what is dated there.
    for (const { scope, period, counter, delta } of counters) {
      const left = this.sql.addToCounter.get(scope, period, counter, delta, addKey(0, recordKey, delta))!;
      if (left.n === 0 && left.key === 0) this.sql.dropCounter.run(scope, period, counter);
      touched.add(`${scope}\t${period}`);
    }
    for (const { scope, period, kind, key, delta } of survival) {
      const left = this.sql.addToTally.get(scope, period, kind, key, delta, addKey(0, recordKey, delta))!;
      if (left.n === 0 && left.key === 0) this.sql.dropTally.run(scope, period, kind, key);
      touched.add(`${scope}\t${period}`);
    }
    return touched;
  }

  /** Stamps each `scope\tperiod` with the event that changed it. */
  stamp(scopePeriods: Iterable<string>, position: bigint, recordedAt: string): void {
    for (const scopePeriod of scopePeriods) {
      const [scope, period] = scopePeriod.split('\t') as [string, string];
      this.sql.stamp.run(scope, period, position, recordedAt);
    }
  }
}

function prepare(db: Database.Database, period: Period) {
  const [counters, survival, stamps] = tablesOf(period);
  return {
    // Key sums are added as non-negative numbers below 2^32, and stay so mod 2^32.
    addToCounter: db.prepare<[string, string, string, number, number], { n: number; key: number }>(
      `INSERT INTO ${counters} (scope, ${period}, counter, value, key_sum) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scope, ${period}, counter) DO UPDATE SET value = value + excluded.value, key_sum = (key_sum + excluded.key_sum) % ${KEY_MODULUS}
       RETURNING value AS n, key_sum AS key`,
    ),
    dropCounter: db.prepare<[string, string, string]>(`DELETE FROM ${counters} WHERE scope = ? AND ${period} = ? AND counter = ?`),
    addToTally: db.prepare<[string, string, string, string, number, number], { n: number; key: number }>(
      `INSERT INTO ${survival} (scope, ${period}, kind, key, count, key_sum) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (scope, ${period}, kind, key) DO UPDATE SET count = count + excluded.count, key_sum = (key_sum + excluded.key_sum) % ${KEY_MODULUS}
       RETURNING count AS n, key_sum AS key`,
    ),
    dropTally: db.prepare<[string, string, string, string]>(`DELETE FROM ${survival} WHERE scope = ? AND ${period} = ? AND kind = ? AND key = ?`),
    stamp: db.prepare<[string, string, bigint, string]>(
      `INSERT INTO ${stamps} (scope, ${period}, last_position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope, ${period}) DO UPDATE SET last_position = excluded.last_position, updated_at = excluded.updated_at`,
    ),
  };
}
