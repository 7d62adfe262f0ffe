import type Database from 'better-sqlite3';
import type { Catalogue } from '../../catalogue/catalogue';
import { addKey, KEY_MODULUS } from '../../outcomes/cell';
import { type LiveDeltas, monthDeltas } from '../../outcomes/month-deltas';
import type { OutcomeFact } from '../../outcomes/outcome-facts';

/** The tables of the trends (docs/outcomes.md, "Trends"), part of the outcomes read model. */
export const OUTCOME_MONTH_TABLES = ['outcome_month_counters', 'outcome_month_survival', 'outcome_month_stamps'];

/**
 * Per scope and month, the change of each counter and survival tally dated in that month, beside
 * its key sum, and the last event that changed any of them: a trend's figures at a month end are
 * the sums over the months up to it, so a series costs a read of a scope's months, not a pass over
 * its participants. Kept by the outcomes projection in the same transaction as the counters.
 */
export class OutcomeMonthTables {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(
    db: Database.Database,
    private readonly exitClasses: Catalogue['exitClasses'],
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS outcome_month_counters (
        scope TEXT NOT NULL, month TEXT NOT NULL, counter TEXT NOT NULL, value INTEGER NOT NULL, key_sum INTEGER NOT NULL,
        PRIMARY KEY (scope, month, counter)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS outcome_month_survival (
        scope TEXT NOT NULL, month TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL, key_sum INTEGER NOT NULL,
        PRIMARY KEY (scope, month, kind, key)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS outcome_month_stamps (
        scope TEXT NOT NULL, month TEXT NOT NULL, last_position INTEGER NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (scope, month)
      ) STRICT, WITHOUT ROWID;
    `);
    this.sql = prepare(db);
  }

  /** Folds a participant's change of facts in, whose live deltas are `live`; the position and time are its event's. */
  apply(city: string, before: readonly OutcomeFact[], after: readonly OutcomeFact[], live: LiveDeltas, recordKey: number, position: bigint, recordedAt: string): void {
    const { counters, survival } = monthDeltas(city, before, after, this.exitClasses, live);
    const touched = new Set<string>();
    // A month's change may be taken back whole (a voided job): its row goes, so that the tables stay bounded by what is dated there.
    for (const { scope, month, counter, delta } of counters) {
      const left = this.sql.addToCounter.get(scope, month, counter, delta, addKey(0, recordKey, delta))!;
      if (left.n === 0 && left.key === 0) this.sql.dropCounter.run(scope, month, counter);
      touched.add(`${scope}\t${month}`);
    }
    for (const { scope, month, kind, key, delta } of survival) {
      const left = this.sql.addToTally.get(scope, month, kind, key, delta, addKey(0, recordKey, delta))!;
      if (left.n === 0 && left.key === 0) this.sql.dropTally.run(scope, month, kind, key);
      touched.add(`${scope}\t${month}`);
    }
    for (const scopeMonth of touched) {
      const [scope, month] = scopeMonth.split('\t') as [string, string];
      this.sql.stamp.run(scope, month, position, recordedAt);
    }
  }
}

function prepare(db: Database.Database) {
  return {
    // Key sums are added as non-negative numbers below 2^32, and stay so mod 2^32.
    addToCounter: db.prepare<[string, string, string, number, number], { n: number; key: number }>(
      `INSERT INTO outcome_month_counters (scope, month, counter, value, key_sum) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scope, month, counter) DO UPDATE SET value = value + excluded.value, key_sum = (key_sum + excluded.key_sum) % ${KEY_MODULUS}
       RETURNING value AS n, key_sum AS key`,
    ),
    dropCounter: db.prepare<[string, string, string]>('DELETE FROM outcome_month_counters WHERE scope = ? AND month = ? AND counter = ?'),
    addToTally: db.prepare<[string, string, string, string, number, number], { n: number; key: number }>(
      `INSERT INTO outcome_month_survival (scope, month, kind, key, count, key_sum) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (scope, month, kind, key) DO UPDATE SET count = count + excluded.count, key_sum = (key_sum + excluded.key_sum) % ${KEY_MODULUS}
       RETURNING count AS n, key_sum AS key`,
    ),
    dropTally: db.prepare<[string, string, string, string]>('DELETE FROM outcome_month_survival WHERE scope = ? AND month = ? AND kind = ? AND key = ?'),
    stamp: db.prepare<[string, string, bigint, string]>(
      `INSERT INTO outcome_month_stamps (scope, month, last_position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope, month) DO UPDATE SET last_position = excluded.last_position, updated_at = excluded.updated_at`,
    ),
  };
}
