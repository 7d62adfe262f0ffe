import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { monthBefore } from '../../clock/months';
import type { CalendarDate } from '../../journey/domain/vocabulary';
import { ProjectionGenerations } from '../../projections/projection-generations';
import { type DatedCounterRow, type DatedFigures, type DatedStampRow, DatedSums, type DatedTallyRow } from './dated-sums';
import { OUTCOMES_PROJECTION } from './outcomes.projection';

/** The months before a date's month, summed, as of one state of its scope's month tables. */
interface MonthsBefore {
  state: string;
  sums: DatedSums;
}

/** Scopes × months kept summed: two years of every dashboard of the built-in catalogue. */
const MONTHS_KEPT = 250;

/**
 * A scope's figures as of a date from the dated tables (outcome-dated-tables.ts): the changes of
 * the months before the date's month, then those of the days of its month up to the date, whatever
 * the number of participants. The months' sums are kept in memory until an event changes one of
 * those months (their stamps) or the tables are replaced: milestones recorded on their day change
 * only the current month, so a date of an earlier month then costs a read of its month's days.
 */
export class AsOfSums {
  private readonly sql: ReturnType<typeof prepare>;
  private readonly generations: ProjectionGenerations;
  private readonly monthsBefore = new LRUCache<string, MonthsBefore>({ max: MONTHS_KEPT });

  constructor(db: Database.Database) {
    this.sql = prepare(db);
    this.generations = new ProjectionGenerations(db);
  }

  /**
   * What the scope's figures as of `asOf` depend on: the tables' generation and the last event
   * that changed a month before the date's month, or a day of its month up to the date. Figures
   * computed under the same state are the same.
   */
  stateOf(scope: string, asOf: CalendarDate): string {
    const month = asOf.slice(0, 7);
    return `${this.monthsState(scope, month)}@${this.sql.lastDayStampThrough.get(scope, `${month}-01`, asOf) ?? 0n}`;
  }

  at(scope: string, asOf: CalendarDate): DatedFigures {
    const month = asOf.slice(0, 7);
    const { sql } = this;
    const state = this.monthsState(scope, month);
    const key = `${scope}@${month}`;
    let known = this.monthsBefore.get(key);
    if (known?.state !== state) {
      const sums = new DatedSums(sql.monthCounters.all(scope, month), sql.monthTallies.all(scope, month), sql.monthStamps.all(scope, month));
      sums.advance(monthBefore(month));
      // Kept without the rows it was summed from: only the totals stay in memory.
      known = { state, sums: sums.continuedWith([], [], []) };
      this.monthsBefore.set(key, known);
    }
    const first = `${month}-01`;
    return known.sums.continuedWith(sql.dayCounters.all(scope, first, asOf), sql.dayTallies.all(scope, first, asOf), sql.dayStamps.all(scope, first, asOf)).through(asOf);
  }

  /** The tables' generation and the last event that changed a month before `month`. */
  private monthsState(scope: string, month: string): string {
    return `${this.generations.read(OUTCOMES_PROJECTION)}@${this.sql.lastStampBefore.get(scope, month) ?? 0n}`;
  }
}

function prepare(db: Database.Database) {
  const rows = <Row>(columns: string, table: string, where: string) =>
    db.prepare<[string, ...string[]], Row>(`SELECT ${columns} FROM ${table} WHERE scope = ? AND ${where}`);
  const months = 'month < ? ORDER BY month';
  const days = 'day BETWEEN ? AND ? ORDER BY day';
  return {
    /** Moves whenever an event changes a month before the given one: a change of any of its days stamps it. */
    lastStampBefore: db
      .prepare<[string, string], bigint | null>('SELECT max(last_position) FROM outcome_month_stamps WHERE scope = ? AND month < ?')
      .pluck()
      .safeIntegers(),
    lastDayStampThrough: db
      .prepare<[string, string, string], bigint | null>('SELECT max(last_position) FROM outcome_day_stamps WHERE scope = ? AND day BETWEEN ? AND ?')
      .pluck()
      .safeIntegers(),
    monthCounters: rows<DatedCounterRow>('month AS period, counter, value, key_sum AS keySum', 'outcome_month_counters', months),
    dayCounters: rows<DatedCounterRow>('day AS period, counter, value, key_sum AS keySum', 'outcome_day_counters', days),
    monthTallies: rows<DatedTallyRow>('month AS period, kind, key, count, key_sum AS keySum', 'outcome_month_survival', months),
    dayTallies: rows<DatedTallyRow>('day AS period, kind, key, count, key_sum AS keySum', 'outcome_day_survival', days),
    monthStamps: rows<DatedStampRow>('month AS period, last_position AS position, updated_at AS recordedAt', 'outcome_month_stamps', months).safeIntegers(),
    dayStamps: rows<DatedStampRow>('day AS period, last_position AS position, updated_at AS recordedAt', 'outcome_day_stamps', days).safeIntegers(),
  };
}
