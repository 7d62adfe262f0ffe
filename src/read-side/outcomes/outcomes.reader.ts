import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { type Catalogue, findCity, findProgramme, timeZoneOf } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import { Clock } from '../../clock/clock';
import { ServiceBusy } from '../../graphql/hardening/operation-gate';
import { InvalidInput } from '../../journey/domain/errors';
import { lastDayOf, monthBefore } from '../../clock/months';
import { lastCompleteMonth } from '../../life-paths/release-month';
import { isMonthEnd } from '../../outcomes/calendar-days';
import { exactly, type Publish } from '../../outcomes/cell';
import { ContributionSums } from '../../outcomes/contribution-sums';
import { endOfDay } from '../../outcomes/end-of-day';
import { countsFromCounters } from '../../outcomes/outcome-counts';
import { factsKnownIn, type StoredFact, type SupersededFact } from '../../outcomes/outcome-facts';
import { scopeOf } from '../../outcomes/outcome-scopes';
import { targetsOf } from '../../outcomes/outcome-targets';
import { contributionAt } from '../../outcomes/participant-contribution';
import { keySumsFromRows, type SurvivalEntry, talliesFromRows } from '../../outcomes/survival';
import { selectLogMonth } from '../../projections/log-month';
import { ProjectionGenerations } from '../../projections/projection-generations';
import { READ_MODEL_DATABASE } from '../../storage/storage.tokens';
import { LifePathsReader, type ReleasedParticipants } from '../life-paths/life-paths.reader';
import { IN_MONTH_SNAPSHOT } from '../life-paths/month-snapshot';
import { betweenSlices, ReadSnapshot, SLICE_MS, sliceClock } from '../../storage/read-snapshot';
import { AsOfSums } from './as-of-sums';
import { type DashboardView, type OutcomeFigures, toDashboard } from './dashboard-view';
import { OUTCOMES_LOG_MONTH, OUTCOMES_PROJECTION } from './outcomes.projection';

interface ScopeRow {
  last_position: bigint;
  updated_at: string;
}

/** A city's participant as a researchers' month end reads it (sumsAsOf), and whether the month's snapshot has them. */
interface CityParticipantRow {
  at: number;
  participantId: string;
  recordKey: number;
  facts: string;
  superseded: string;
  inMonth: 0 | 1;
}

/** Participants read in one step of a researchers' month end: a few milliseconds of work. */
const PARTICIPANTS_PAGE = 500;

/** The last event the figures go up to; undefined while none has changed them. */
interface LastEvent {
  position: bigint;
  recordedAt: string;
}

/**
 * A scope's live dashboard, as computed when its figures were last changed by `position`, on
 * `today`, from the tables of `generation` (a rebuild replaces them without a new event): its
 * figures, and the view of each way of publishing them asked for since.
 */
interface LiveDashboard {
  generation: number;
  position: bigint;
  today: string;
  figures: OutcomeFigures;
  views: Map<Publish, DashboardView>;
}

/**
 * A scope's month-end figures as researchers see them, from the tables of `generation`, of the
 * participants the month's life-path release shows (`released`: its key names the life-path
 * tables and month it was computed from). Only a month before the log's is read, and every fact folded from
 * then on counts in the log's month or later (outcomes.projection.ts): no new event changes them,
 * only a rebuild of either read model.
 */
interface MonthEndDashboard {
  generation: number;
  released: string;
  figures: OutcomeFigures;
  views: Map<Publish, DashboardView>;
}

/** Scopes × month ends kept in memory: a few years of every dashboard of the built-in catalogue. */
const MONTH_ENDS_KEPT = 500;

/** Figures as of a date, and their views, computed under one state of the dated tables (AsOfSums.stateOf). */
interface AsOfDashboard {
  state: string;
  figures: OutcomeFigures;
  views: Map<Publish, DashboardView>;
}

/** Scopes × dates kept in memory: the dates coordinators are looking at. */
const AS_OF_KEPT = 500;

/** Outcome figures of a city or programme: live from the counters, or as of a past business date from the dated tables. */
@Injectable()
export class OutcomesReader {
  private statements?: ReturnType<typeof prepare>;
  /** Researchers' month ends being computed, by scope, month end, generation and release. */
  private readonly computingMonthEnds = new Map<string, Promise<MonthEndDashboard>>();
  /** By scope, of which the catalogue has a few: the figures change only with an event of the scope, or the day. */
  private readonly live = new Map<string, LiveDashboard>();
  /** By scope and month end; researchers may ask for any month end, so the least recently read go first. */
  private readonly monthEnds = new LRUCache<string, MonthEndDashboard>({ max: MONTH_ENDS_KEPT });
  /** By scope and date: an answer stands until an event changes a day up to its date. */
  private readonly asOfDashboards = new LRUCache<string, AsOfDashboard>({ max: AS_OF_KEPT });

  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    private readonly clock: Clock,
    private readonly lifePaths: LifePathsReader,
  ) {}

  /** Refuses a city or programme that is not in the catalogue. */
  checkScope(city: string, programme: string | null): void {
    const entry = findCity(this.catalogue, city);
    if (!entry) throw new InvalidInput([{ field: 'city', message: `Unknown city '${city}'` }]);
    if (programme !== null && !findProgramme(entry, programme)) {
      throw new InvalidInput([{ field: 'programme', message: `Unknown programme '${programme}' in ${city}` }]);
    }
  }

  /**
   * The dashboard of a city or programme. A live one is computed again only once an event has
   * changed its figures, or the day its open cases are censored at has passed: a coordinator's
   * refresh costs one indexed read, however many participants and survival tallies it sums up.
   */
  dashboard(city: string, programme: string | null, asOf: string | null, publish: Publish = exactly): DashboardView {
    if (asOf !== null) {
      const known = this.asOfDashboard(city, programme, asOf);
      let view = known.views.get(publish);
      if (view === undefined) known.views.set(publish, (view = toDashboard(known.figures, publish)));
      return view;
    }
    this.checkScope(city, programme);
    const scope = scopeOf(city, programme);
    const touched = lastEventOf(this.sql().scope.get(scope));
    const position = touched?.position ?? 0n;
    // The city's day: its open cases are censored at, and its dashboards turn at, its own midnight.
    const today = this.clock.today(timeZoneOf(this.catalogue, city));
    const generation = this.sql().generations.read(OUTCOMES_PROJECTION);
    let known = this.live.get(scope);
    if (!known || known.generation !== generation || known.position !== position || known.today !== today) {
      known = { generation, position, today, figures: this.figuresOf(city, programme, null, touched, today), views: new Map() };
      this.live.set(scope, known);
    }
    let view = known.views.get(publish);
    if (view === undefined) known.views.set(publish, (view = toDashboard(known.figures, publish)));
    return view;
  }

  /**
   * The month end researchers' figures are as of (docs/access-and-privacy.md, "Figures for
   * researchers"): `asOf` if it is the last day of a month the log has closed, or for live figures
   * (null) the last such month: the month before the latest one a folded fact counts in, in this
   * read model and in the life paths' (whose release of the month says whom the figures leave
   * out). Before the first fact, the last month over by the clock: its figures are empty.
   */
  researchMonthEnd(asOf: string | null = null): string {
    const latest = lastDayOf(this.closedMonth());
    if (asOf === null) return latest;
    if (!isMonthEnd(asOf) || asOf > latest) {
      throw new InvalidInput([
        { field: 'asOf', message: `Researchers may ask for figures as of the last day of a month that is over (${latest} at the latest), not ${asOf}` },
      ]);
    }
    return asOf;
  }

  /**
   * Researchers' dashboard: as of a month end the log has closed (`researchMonthEnd`), from the
   * facts that count in its month or before only, so that it never changes once given; stamped
   * with no event.
   */
  async researchDashboard(city: string, programme: string | null, asOf: string | null, publish: Publish): Promise<DashboardView> {
    const known = await this.monthEnd(city, programme, asOf);
    let view = known.views.get(publish);
    if (view === undefined) known.views.set(publish, (view = toDashboard(known.figures, publish)));
    return view;
  }

  /**
   * The later month both read models have closed. While one of them has folded an event the other
   * has not yet folded any of, which month that one will close is not known: ask again shortly.
   */
  private closedMonth(): string {
    const outcomes = this.sql().logMonth.get();
    const lifePaths = this.lifePaths.closedMonth();
    if (outcomes === undefined && lifePaths === undefined) return lastCompleteMonth(this.clock, this.catalogue.cities.map((c) => c.timeZone));
    if (outcomes === undefined || lifePaths === undefined) throw new ServiceBusy();
    const own = monthBefore(outcomes);
    return own < lifePaths ? own : lifePaths;
  }

  /** Researchers' figures of a month end they may see (the last one when `asOf` is null), for their time-to-outcome curve. */
  async researchFigures(city: string, programme: string | null, asOf: string | null = null): Promise<OutcomeFigures> {
    return (await this.monthEnd(city, programme, asOf)).figures;
  }

  /** A scope's figures at a month end researchers may see, computed once per generation of the tables. */
  private async monthEnd(city: string, programme: string | null, asOf: string | null): Promise<MonthEndDashboard> {
    const monthEnd = this.researchMonthEnd(asOf);
    this.checkScope(city, programme);
    // Maybe computed first, requests running meanwhile (life-paths.reader.ts).
    const released = await this.lifePaths.releasedAt(monthEnd.slice(0, 7));
    // The generation after waiting: tables replaced after it was read can only key the figures as stale.
    const generation = this.sql().generations.read(OUTCOMES_PROJECTION);
    const key = `${scopeOf(city, programme)}@${monthEnd}`;
    const known = this.monthEnds.get(key);
    if (known && known.generation === generation && known.released === released.key) return known;
    // A second request for the same figures while they are computed waits for the first's.
    const computingKey = `${key}@${generation}@${released.key}`;
    let computing = this.computingMonthEnds.get(computingKey);
    if (computing === undefined) {
      computing = this.monthEndFigures(city, programme, monthEnd, released)
        .then((figures) => {
          const computed = { generation, released: released.key, figures, views: new Map() };
          this.monthEnds.set(key, computed);
          return computed;
        })
        .finally(() => this.computingMonthEnds.delete(computingKey));
      this.computingMonthEnds.set(computingKey, computing);
    }
    return computing;
  }

  figures(city: string, programme: string | null, asOf: string | null): OutcomeFigures {
    if (asOf !== null) return this.asOfDashboard(city, programme, asOf).figures;
    this.checkScope(city, programme);
    const live = asOf === null ? lastEventOf(this.sql().scope.get(scopeOf(city, programme))) : undefined;
    return this.figuresOf(city, programme, asOf, live, this.clock.today(timeZoneOf(this.catalogue, city)));
  }

  /** A scope's figures as of a past date, computed again only once an event has changed a day up to it. */
  private asOfDashboard(city: string, programme: string | null, asOf: string): AsOfDashboard {
    this.checkScope(city, programme);
    const scope = scopeOf(city, programme);
    const state = this.sql().asOf.stateOf(scope, asOf);
    const key = `${scope}@${asOf}`;
    let known = this.asOfDashboards.get(key);
    if (known?.state !== state) {
      known = { state, figures: this.figuresOf(city, programme, asOf, undefined, this.clock.today(timeZoneOf(this.catalogue, city))), views: new Map() };
      this.asOfDashboards.set(key, known);
    }
    return known;
  }

  /** `touched` is the last event that changed the live figures; `today` censors their open cases. */
  private figuresOf(city: string, programme: string | null, asOf: string | null, touched: LastEvent | undefined, today: string): OutcomeFigures {
    const common = { city, programme, asOf, targets: targetsOf(this.catalogue, city, programme) };
    if (asOf === null) {
      const sql = this.sql();
      const scope = scopeOf(city, programme);
      const counters = sql.counters.all(scope);
      const tallies = sql.tallies.all(scope);
      return {
        ...common,
        ...this.stamped(touched),
        counts: countsFromCounters(counters),
        counterKeys: new Map(counters.map(({ counter, keySum }) => [counter, keySum])),
        tallies: talliesFromRows(tallies),
        survivalKeys: keySumsFromRows(tallies),
        censorAt: today,
      };
    }
    const { counts, counterKeys, tallies, survivalKeys, last } = this.sql().asOf.at(scopeOf(city, programme), asOf);
    return { ...common, ...this.stamped(last), counts, counterKeys, tallies, survivalKeys, censorAt: asOf };
  }

  /**
   * The figures as of `monthEnd` from the facts as they stood when the log closed its month: a
   * fact folded in a later log month (a back-dated exit) waits for that month, and a fact corrected
   * or voided later still counts as it was. Only the participants the month's life-path release
   * shows are counted. No position, and the instant the month ended in the city: neither tells when
   * someone's fact was recorded.
   */
  private async monthEndFigures(city: string, programme: string | null, monthEnd: string, released: ReleasedParticipants): Promise<OutcomeFigures> {
    const month = monthEnd.slice(0, 7);
    const known = (facts: StoredFact[], superseded: SupersededFact[]) => factsKnownIn(facts, superseded, month);
    const { counts, counterKeys, tallies, survivalKeys } = await this.sumsAsOf(city, programme, monthEnd, known, released);
    return {
      city,
      programme,
      asOf: monthEnd,
      targets: targetsOf(this.catalogue, city, programme),
      lastEventPosition: 0n,
      updatedAt: endOfDay(monthEnd, timeZoneOf(this.catalogue, city)).toISOString(),
      counts,
      counterKeys,
      tallies,
      survivalKeys,
      censorAt: monthEnd,
    };
  }

  /**
   * Figures no event has changed are at position 0, read now: the public contract makes both
   * fields non-null, so they cannot say "none" with a null.
   */
  private stamped(last: LastEvent | undefined): Pick<OutcomeFigures, 'lastEventPosition' | 'updatedAt'> {
    return { lastEventPosition: last?.position ?? 0n, updatedAt: last?.recordedAt ?? this.clock.now().toISOString() };
  }

  /**
   * Researchers' month ends are computed once each, in one pass over the city's participants'
   * compact facts: half a million of them in a city of a national deployment, some seconds of work,
   * read from a snapshot and summed in slices between which requests run (ReadSnapshot).
   */
  private async sumsAsOf(
    city: string,
    programme: string | null,
    asOf: string,
    known: (facts: StoredFact[], superseded: SupersededFact[]) => StoredFact[],
    { month, suppressed }: ReleasedParticipants,
  ): Promise<ContributionSums> {
    const { exitClasses } = this.catalogue;
    const sums = new ContributionSums();
    const snapshot = new ReadSnapshot(this.db);
    try {
      // Record keys are stored: no as-of request hashes every participant's id again.
      const page = snapshot.db.prepare<[{ city: string; month: string; after: number; limit: number }], CityParticipantRow>(
        `SELECT rowid AS at, participant_id AS participantId, record_key AS recordKey, facts, superseded, ${IN_MONTH_SNAPSHOT} AS inMonth
         FROM outcome_participants p WHERE city = @city AND rowid > @after ORDER BY rowid LIMIT @limit`,
      );
      const sliceIsOver = sliceClock(SLICE_MS);
      // A page of the city's participants at a time, the month's or not: a query keeping only the
      // month's went through the later months' participants in one step, before an early month's first.
      for (let after = 0; ; ) {
        const rows = page.all({ city, month, after, limit: PARTICIPANTS_PAGE });
        for (const row of rows) {
          if (!row.inMonth || suppressed.has(row.participantId)) continue;
          const c = contributionAt({ city, facts: known(JSON.parse(row.facts), JSON.parse(row.superseded)) }, asOf, exitClasses);
          if (!c || (programme !== null && c.programme !== programme)) continue;
          sums.add({ contribution: c, recordKey: row.recordKey });
        }
        if (rows.length < PARTICIPANTS_PAGE) break;
        after = rows.at(-1)!.at;
        if (snapshot.pauses && sliceIsOver()) await betweenSlices();
      }
    } finally {
      snapshot.close();
    }
    return sums;
  }

  // Prepared on first use: the tables are created when the projections start, after this reader is built.
  private sql() {
    this.statements ??= prepare(this.db);
    return this.statements;
  }
}

const lastEventOf = (row: ScopeRow | undefined): LastEvent | undefined => row && { position: row.last_position, recordedAt: row.updated_at };


function prepare(db: Database.Database) {
  return {
    generations: new ProjectionGenerations(db),
    asOf: new AsOfSums(db),
    logMonth: selectLogMonth(db, OUTCOMES_LOG_MONTH),
    counters: db.prepare<[string], { counter: string; value: number; keySum: number }>(
      'SELECT counter, value, key_sum AS keySum FROM outcome_counters WHERE scope = ?',
    ),
    tallies: db.prepare<[string], SurvivalEntry & { count: number; keySum: number }>(
      'SELECT kind, key, count, key_sum AS keySum FROM outcome_survival WHERE scope = ?',
    ),
    scope: db
      .prepare<[string], ScopeRow>('SELECT last_position, updated_at FROM outcome_scopes WHERE scope = ?')
      .safeIntegers(),
  };
}
