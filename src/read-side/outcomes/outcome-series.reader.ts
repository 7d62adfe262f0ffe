import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { type Catalogue, timeZoneOf } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import { Clock } from '../../clock/clock';
import { InvalidInput } from '../../journey/domain/errors';
import type { CalendarDate } from '../../journey/domain/vocabulary';
import type { Publish } from '../../outcomes/cell';
import { monthsAfter } from '../../clock/months';
import { monthEndsFrom } from '../../outcomes/month-ends';
import { RESEARCH_MONTHS } from '../../outcomes/research-months';
import { scopeOf } from '../../outcomes/outcome-scopes';
import { targetsOf } from '../../outcomes/outcome-targets';
import { ProjectionGenerations } from '../../projections/projection-generations';
import { READ_MODEL_DATABASE } from '../../storage/storage.tokens';
import { type DashboardView, toDashboard } from './dashboard-view';
import { type DatedCounterRow, type DatedStampRow, DatedSums, type DatedTallyRow } from './dated-sums';
import { OUTCOMES_PROJECTION } from './outcomes.projection';
import { OutcomesReader } from './outcomes.reader';

/** A dashboard's figures month by month (docs/outcomes.md, "Trends"). */
export interface DashboardSeriesView {
  city: string;
  programme: string | null;
  interval: 'MONTH';
  from: CalendarDate;
  to: CalendarDate;
  points: DashboardView[];
}

/** Fifty years of months: more is a mistake, and an answer of that size a burden. */
export const MAX_SERIES_POINTS = 600;

/**
 * Five years of researchers' month ends: each is a month of the life-path release, whose first
 * reading computes whom it shows (life-paths.reader.ts, releasedAt), the best part of a minute at a
 * million participants.
 */
export const MAX_RESEARCH_POINTS = 60;

/** An exact series as computed for one state of its scope: its start, and its points but today's live one. */
interface ExactSeries {
  state: string;
  start: CalendarDate;
  points: DashboardView[];
  /** Whether the series ends with today's live figures, read anew each time. */
  endsLive: boolean;
}

/** Exact series kept in memory, by scope and dates; each is valid for one state of its scope. */
const SERIES_KEPT = 100;

/**
 * Trends: a city's or programme's figures at each month end from `from` to `to`. Exact ones are
 * summed from the scope's month tables, and again only once an event has changed a month of the
 * scope or the tables were replaced; researchers' are their month-end
 * dashboards, each the very figures `cityDashboard(asOf:)` gives them, perturbed the same way.
 */
@Injectable()
export class OutcomeSeriesReader {
  private statements?: ReturnType<typeof prepare>;
  private readonly exact = new LRUCache<string, ExactSeries>({ max: SERIES_KEPT });

  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    private readonly clock: Clock,
    private readonly outcomes: OutcomesReader,
  ) {}

  /**
   * Exact figures at each month end from `from`'s month (by default the scope's first enrolment)
   * until `to` (by default the city's today), and at `to` itself when it is not a month end.
   */
  series(city: string, programme: string | null, from: CalendarDate | null, to: CalendarDate | null): DashboardSeriesView {
    this.outcomes.checkScope(city, programme);
    const today = this.clock.today(timeZoneOf(this.catalogue, city));
    const end = to ?? today;
    if (end > today) throw new InvalidInput([{ field: 'to', message: `to must not be after today in ${city} (${today}), not ${end}` }]);
    const sql = this.sql();
    const scope = scopeOf(city, programme);
    const state = `${sql.generations.read(OUTCOMES_PROJECTION)}@${sql.lastStamp.get(scope) ?? 0n}`;
    const key = `${scope}|${from ?? ''}|${end}`;
    let known = this.exact.get(key);
    if (known?.state !== state) {
      const start = from ?? this.firstEnrolment(city, programme, end);
      const monthEnds = monthEndsFrom(start, end);
      const inside = monthEnds.at(-1) !== end;
      checkSpan(start, end, monthEnds.length + (inside ? 1 : 0), MAX_SERIES_POINTS);
      const points = this.monthEndPoints(city, programme, scope, monthEnds);
      // A past day inside a month: every change dated by then stamps a month up to it, so the state covers it too.
      if (inside && end !== today) points.push(this.outcomes.dashboard(city, programme, end));
      known = { state, start, points, endsLive: inside && end === today };
      this.exact.set(key, known);
    }
    // Today: the live figures, kept by the outcomes reader itself (they move with the clock as well).
    const points = known.endsLive ? [...known.points, { ...this.outcomes.dashboard(city, programme, null), asOf: end }] : known.points;
    return { city, programme, interval: 'MONTH', from: known.start, to: end, points };
  }

  /**
   * Researchers' figures at each month end from `from`'s month until `to`, at the latest the last
   * month end they may see (later is cut there). By default the RESEARCH_MONTHS month ends up to
   * `to`: a start taken from the data (the first enrolment) would be one person's entry date.
   */
  async researchSeries(city: string, programme: string | null, from: CalendarDate | null, to: CalendarDate | null, publish: Publish): Promise<DashboardSeriesView> {
    this.outcomes.checkScope(city, programme);
    const latest = this.outcomes.researchMonthEnd();
    const end = to === null || to > latest ? latest : to;
    const start = from ?? `${monthsAfter(end.slice(0, 7), 1 - RESEARCH_MONTHS)}-01`;
    const dates = monthEndsFrom(start, end);
    checkSpan(start, end, dates.length, MAX_RESEARCH_POINTS);
    const points: DashboardView[] = [];
    // One after the other: a month end's release not yet computed is computed while requests run, one at a time.
    for (const monthEnd of dates) points.push(await this.outcomes.researchDashboard(city, programme, monthEnd, publish));
    return { city, programme, interval: 'MONTH', from: start, to: end, points };
  }

  /** The figures at each month end, summed month by month from the scope's month tables (outcome-dated-tables.ts). */
  private monthEndPoints(city: string, programme: string | null, scope: string, monthEnds: readonly CalendarDate[]): DashboardView[] {
    if (monthEnds.length === 0) return [];
    const sql = this.sql();
    const through = monthEnds.at(-1)!.slice(0, 7);
    const sums = new DatedSums(sql.counters.all(scope, through), sql.tallies.all(scope, through), sql.stamps.all(scope, through));
    const targets = targetsOf(this.catalogue, city, programme);
    return monthEnds.map((asOf) => {
      const { counts, counterKeys, tallies, survivalKeys, last } = sums.through(asOf.slice(0, 7));
      return toDashboard({
        city,
        programme,
        asOf,
        targets,
        counts,
        counterKeys,
        tallies,
        survivalKeys,
        censorAt: asOf,
        lastEventPosition: last?.position ?? 0n,
        updatedAt: last?.recordedAt ?? this.clock.now().toISOString(),
      });
    });
  }

  /** Where a series starts by default: the scope's first enrolment, or `end` when none was by then. */
  private firstEnrolment(city: string, programme: string | null, end: CalendarDate): CalendarDate {
    const first = this.sql().firstEnrolment.get({ city, programme });
    return first == null || first > end ? end : first;
  }

  // Prepared on first use: the tables are created when the projections start, after this reader is built.
  private sql() {
    this.statements ??= prepare(this.db);
    return this.statements;
  }
}

function checkSpan(from: CalendarDate, to: CalendarDate, points: number, max: number): void {
  if (from > to) throw new InvalidInput([{ field: 'from', message: `from (${from}) must not be after to (${to})` }]);
  if (points > max) throw new InvalidInput([{ field: 'from', message: `This series has at most ${max} points; from ${from} to ${to} is ${points}` }]);
}

function prepare(db: Database.Database) {
  return {
    generations: new ProjectionGenerations(db),
    /** Moves whenever an event changes any day of the scope, even one that leaves the live figures as they were: its month is stamped too. */
    lastStamp: db.prepare<[string], bigint | null>('SELECT max(last_position) FROM outcome_month_stamps WHERE scope = ?').pluck().safeIntegers(),
    counters: db.prepare<[string, string], DatedCounterRow>(
      'SELECT month AS period, counter, value, key_sum AS keySum FROM outcome_month_counters WHERE scope = ? AND month <= ? ORDER BY month',
    ),
    tallies: db.prepare<[string, string], DatedTallyRow>(
      'SELECT month AS period, kind, key, count, key_sum AS keySum FROM outcome_month_survival WHERE scope = ? AND month <= ? ORDER BY month',
    ),
    stamps: db
      .prepare<[string, string], DatedStampRow>(
        'SELECT month AS period, last_position AS position, updated_at AS recordedAt FROM outcome_month_stamps WHERE scope = ? AND month <= ? ORDER BY month',
      )
      .safeIntegers(),
    firstEnrolment: db
      .prepare<{ city: string; programme: string | null }, string | null>(
        `SELECT min(json_extract(f.value, '$.on')) FROM outcome_participants p, json_each(p.facts) f
         WHERE p.city = @city AND json_extract(f.value, '$.kind') = 'ENROLLED'
           AND (@programme IS NULL OR json_extract(f.value, '$.programme') = @programme)`,
      )
      .pluck(),
  };
}
