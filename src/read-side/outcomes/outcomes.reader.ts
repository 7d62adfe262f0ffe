import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { type Catalogue, findCity, findProgramme } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import { Clock } from '../../clock/clock';
import { InvalidInput } from '../../journey/domain/errors';
import { addCounts, countsFromCounters, countsOf, emptyCounts } from '../../outcomes/outcome-counts';
import type { OutcomeFact } from '../../outcomes/outcome-facts';
import { cityScope, programmeScope } from '../../outcomes/outcome-scopes';
import { targetsOf } from '../../outcomes/outcome-targets';
import { type Contribution, contributionAt } from '../../outcomes/participant-contribution';
import { type SurvivalEntry, talliesFromRows, talliesOf } from '../../outcomes/survival';
import { SQLITE_DATABASE } from '../../storage/storage.tokens';
import { type DashboardView, type OutcomeFigures, toDashboard } from './dashboard-view';

/** Marks figures that no event has changed yet. */
const NEVER = new Date(0).toISOString();

interface ScopeRow {
  last_position: bigint;
  updated_at: string;
}

/** A scope's live dashboard, as computed when its figures were last changed by `position`, on `today`. */
interface LiveDashboard {
  position: bigint;
  today: string;
  view: DashboardView;
}

/** Outcome figures of a city or programme: live from the counters, or as of a past business date. */
@Injectable()
export class OutcomesReader {
  private statements?: ReturnType<typeof prepare>;
  /** By scope, of which the catalogue has a few: the figures change only with an event of the scope, or the day. */
  private readonly live = new Map<string, LiveDashboard>();

  constructor(
    @Inject(SQLITE_DATABASE) private readonly db: Database.Database,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    private readonly clock: Clock,
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
  dashboard(city: string, programme: string | null, asOf: string | null): DashboardView {
    if (asOf !== null) return toDashboard(this.figures(city, programme, asOf));
    this.checkScope(city, programme);
    const scope = scopeOf(city, programme);
    const touched = this.sql().scope.get(scope);
    const position = touched?.last_position ?? 0n;
    const today = this.clock.today();
    const known = this.live.get(scope);
    if (known && known.position === position && known.today === today) return known.view;
    const view = toDashboard(this.figuresOf(city, programme, null, touched, today));
    this.live.set(scope, { position, today, view });
    return view;
  }

  figures(city: string, programme: string | null, asOf: string | null): OutcomeFigures {
    this.checkScope(city, programme);
    return this.figuresOf(city, programme, asOf, this.sql().scope.get(scopeOf(city, programme)), this.clock.today());
  }

  /** `touched` is the scope's row of the last event that changed it; `today` censors the open cases of live figures. */
  private figuresOf(city: string, programme: string | null, asOf: string | null, touched: ScopeRow | undefined, today: string): OutcomeFigures {
    const scope = scopeOf(city, programme);
    const sql = this.sql();
    const common = {
      city,
      programme,
      asOf,
      targets: targetsOf(this.catalogue, city, programme),
      lastEventPosition: touched?.last_position ?? 0n,
      updatedAt: touched?.updated_at ?? NEVER,
    };
    if (asOf === null) {
      return {
        ...common,
        counts: countsFromCounters(sql.counters.all(scope)),
        tallies: talliesFromRows(sql.tallies.all(scope)),
        censorAt: today,
      };
    }
    const contributions = this.contributionsAsOf(city, programme, asOf);
    return {
      ...common,
      counts: contributions.reduce((sum, c) => addCounts(sum, countsOf(c)), emptyCounts()),
      tallies: talliesOf(contributions),
      censorAt: asOf,
    };
  }

  // As-of figures are rare and cost one pass over the city's participants' compact facts.
  private contributionsAsOf(city: string, programme: string | null, asOf: string): Contribution[] {
    const { exitClasses } = this.catalogue;
    const contributions: Contribution[] = [];
    for (const facts of this.sql().participantsOf.iterate(city)) {
      const c = contributionAt({ city, facts: JSON.parse(facts) as OutcomeFact[] }, asOf, exitClasses);
      if (c && (programme === null || c.programme === programme)) contributions.push(c);
    }
    return contributions;
  }

  // Prepared on first use: the tables are created when the projections start, after this reader is built.
  private sql() {
    this.statements ??= prepare(this.db);
    return this.statements;
  }
}

const scopeOf = (city: string, programme: string | null): string => (programme === null ? cityScope(city) : programmeScope(city, programme));

function prepare(db: Database.Database) {
  return {
    counters: db.prepare<[string], { counter: string; value: number }>('SELECT counter, value FROM outcome_counters WHERE scope = ?'),
    tallies: db.prepare<[string], SurvivalEntry & { count: number }>('SELECT kind, key, count FROM outcome_survival WHERE scope = ?'),
    scope: db
      .prepare<[string], ScopeRow>('SELECT last_position, updated_at FROM outcome_scopes WHERE scope = ?')
      .safeIntegers(),
    participantsOf: db.prepare<[string], string>('SELECT facts FROM outcome_participants WHERE city = ?').pluck(),
  };
}
