import type Database from 'better-sqlite3';
import type { Catalogue } from '../../catalogue/catalogue';
import { addKey, type Cell, KEY_MODULUS } from '../../outcomes/cell';
import { dayDeltas, type LiveDeltas } from '../../outcomes/dated-deltas';
import type { OutcomeFact } from '../../outcomes/outcome-facts';
import { addedCells, BatchRows, isNothing, latest } from './batch-rows';

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
    const stamp = { position, recordedAt };
    // A month's change is the sum of its days'. A change that moves a fact within its month leaves
    // the month's sums but not its days': the month is stamped all the same.
    for (const { scope, period: day, counter, delta } of counters) {
      const key = addKey(0, recordKey, delta);
      this.days.addToCounter(scope, day, counter, { n: delta, key }, stamp);
      this.months.addToCounter(scope, day.slice(0, 7), counter, { n: delta, key }, stamp);
    }
    for (const { scope, period: day, kind, key: entry, delta } of survival) {
      const key = addKey(0, recordKey, delta);
      this.days.addToTally(scope, day, kind, entry, { n: delta, key }, stamp);
      this.months.addToTally(scope, day.slice(0, 7), kind, entry, { n: delta, key }, stamp);
    }
  }

  /** Writes what the batch changed. */
  flush(): void {
    this.days.flush();
    this.months.flush();
  }

  /** Forgets what the batch changed: its transaction rolls back. */
  discard(): void {
    this.days.discard();
    this.months.discard();
  }
}

/** The last event that changed a scope's period. */
interface Stamp {
  position: bigint;
  recordedAt: string;
}

/** The three tables of one period, and what the batch changed in them. */
class PeriodTables {
  private readonly sql: ReturnType<typeof prepare>;
  private readonly counters: BatchRows<Cell & { scope: string; period: string; counter: string }>;
  private readonly tallies: BatchRows<Cell & { scope: string; period: string; kind: string; entry: string }>;
  private readonly stamps: BatchRows<Stamp & { scope: string; period: string }>;

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
    const sql = prepare(db, period);
    this.sql = sql;
    this.counters = new BatchRows(addedCells, (c) => {
      if (!isNothing(c)) sql.addToCounter.run(c.scope, c.period, c.counter, c.n, c.key);
    });
    this.tallies = new BatchRows(addedCells, (t) => {
      if (!isNothing(t)) sql.addToTally.run(t.scope, t.period, t.kind, t.entry, t.n, t.key);
    });
    this.stamps = new BatchRows(latest, (s) => sql.stamp.run(s.scope, s.period, s.position, s.recordedAt));
  }

  addToCounter(scope: string, period: string, counter: string, { n, key }: Cell, stamp: Stamp): void {
    this.counters.add(`${scope}\t${period}\t${counter}`, { scope, period, counter, n, key });
    this.stamp(scope, period, stamp);
  }

  addToTally(scope: string, period: string, kind: string, entry: string, { n, key }: Cell, stamp: Stamp): void {
    this.tallies.add(`${scope}\t${period}\t${kind}\t${entry}`, { scope, period, kind, entry, n, key });
    this.stamp(scope, period, stamp);
  }

  flush(): void {
    this.counters.flush();
    this.tallies.flush();
    // A row is the running sum of the changes dated there, absent while that is nothing: a period's
    // change may be taken back whole (a voided job), and its row goes, so that the tables stay
    // bounded by what is dated there. Only this batch's rows can have come to nothing: the partial
    // indexes find them without reading the rows it added to.
    this.sql.dropNothing();
    this.stamps.flush();
  }

  discard(): void {
    this.counters.discard();
    this.tallies.discard();
    this.stamps.discard();
  }

  /** Stamps the scope's period with the event that changed it. */
  private stamp(scope: string, period: string, { position, recordedAt }: Stamp): void {
    this.stamps.add(`${scope}\t${period}`, { scope, period, position, recordedAt });
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
