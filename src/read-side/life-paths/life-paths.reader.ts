import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, Optional } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { emptyReleaseFacts } from '../../life-paths/anonymise-release';
import { monthBefore, monthsAfter } from '../../clock/months';
import { RESEARCH_MONTHS } from '../../outcomes/research-months';
import { errorMessage } from '../../projections/error-message';
import { ProjectionGenerations } from '../../projections/projection-generations';
import { openLifePathReleaseFile } from '../../storage/life-path-release-file';
import { betweenSlices, SLICE_MS } from '../../storage/read-snapshot';
import { READ_MODEL_DATABASE } from '../../storage/storage.tokens';
import { selectLogMonth } from '../../projections/log-month';
import { LIFE_PATHS_LOG_MONTH, LIFE_PATHS_PROJECTION } from './life-paths.projection';
import { type CatchingUp, LIFE_PATHS_CATCHING_UP } from './catching-up';
import { MonthSnapshot } from './month-snapshot';
import { computeRelease } from './release-computation';
import { RELEASE_TABLES_LAYOUT, ReleaseTables } from './release-tables';
import { StoredRelease } from './stored-release';

/**
 * The k-anonymous release of every participant's life path, as the monthly snapshot of the last
 * closed month: the month before the latest one the projection has folded an event of. Every event
 * folded from then on counts in that latest month or after (life-paths.projection.ts), so a closed
 * month never changes, whatever the clocks or the projection's lag, and its release is computed
 * once per generation of the tables. Every caller, whatever their role, gets this one release (a
 * coordinator a part of it).
 * A release is computed in slices between which requests run (release-computation.ts), from one
 * state of the tables (month-snapshot.ts), and stored (release-tables.ts): at a million
 * participants it takes the best part of a minute, and its paths do not fit in memory. It is
 * prepared off the request path: at start and within PREPARE_EVERY_MS of a month closing or of the
 * tables being replaced, unless the projection is catching up. A request that comes first waits
 * for it: never an older month's release, so that every answer after a month closes is of that
 * month. One release is computed at a time.
 * Researchers' figures describe the released participants only (docs/access-and-privacy.md,
 * "Researchers' figures are of the released participants"): the reader also tells whom a closed
 * month's release shows.
 */
@Injectable()
export class LifePathsReader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LifePathsReader.name);
  private statements?: ReturnType<typeof prepare>;
  private preparing?: NodeJS.Timeout;
  private stopped = false;
  /** The release whose earlier months are prepared, or being prepared (prepareEarlierMonths). */
  private earlierMonthsOf?: string;
  /** The release last served, while its key is the current one. */
  private served?: StoredRelease;
  /** Computings asked for and not yet done, by month and kind: a second caller waits for the first's. */
  private readonly computing = new Map<string, Promise<void>>();
  /** The last computing asked for: each starts once the one before has ended. */
  private queue: Promise<void> = Promise.resolve();
  /** By key: researchers may ask for the figures of any month end, so the least recently read go first. */
  private readonly releasedByKey = new LRUCache<string, ReleasedParticipants>({ max: RELEASED_MONTHS_KEPT });

  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    /**
     * While the projection catches up, months close one after the other as it folds them: a release
     * prepared then would be of a month about to be left behind, and its snapshot, held for the
     * minutes a national release takes, would keep the write-ahead log from being checkpointed
     * while the catch-up writes gigabytes to it (it grew past 57 GB at a million participants).
     */
    @Optional() @Inject(LIFE_PATHS_CATCHING_UP) private readonly catchingUp: CatchingUp = () => false,
  ) {}

  onApplicationBootstrap(): void {
    this.prepareRelease();
    this.preparing = setInterval(() => this.prepareRelease(), PREPARE_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearInterval(this.preparing);
    this.statements?.tables.close();
  }

  /** The release of the last closed month, once computed. Shared between callers. */
  async release(): Promise<StoredRelease> {
    for (;;) {
      const month = this.closedMonth();
      if (month === undefined) return new StoredRelease(this.sql().tables, '', emptyReleaseFacts(this.config.kAnonymity));
      const key = this.keyOf(month);
      if (this.served?.key === key) return this.served;
      const stored = this.sql().tables.find(key, true);
      if (stored !== undefined) return (this.served = new StoredRelease(this.sql().tables, key, stored.facts));
      // Computed from the tables as they then are: maybe of a later generation, then asked for again.
      await this.compute(month, true);
    }
  }

  /** The last month the projection has closed: the month before the latest one it folded an event of; undefined before any. */
  closedMonth(): string | undefined {
    const latest = this.sql().logMonth.get();
    return latest === undefined ? undefined : monthBefore(latest);
  }

  /**
   * Whom the release of `month` (closed: see closedMonth) shows: its snapshot's records but those
   * the least-loss node leaves in classes smaller than k. Never published; researchers' figures of
   * that month end count these only, so that no figure tells of anyone the paths do not show. The
   * same object for the same tables and month, while kept.
   */
  async releasedAt(month: string): Promise<ReleasedParticipants> {
    for (;;) {
      const key = this.keyOf(month);
      let released = this.releasedByKey.get(key);
      if (released !== undefined) return released;
      const stored = this.sql().tables.find(key, false);
      if (stored !== undefined) {
        released = { key, month, suppressed: new Set(stored.suppressed) };
        this.releasedByKey.set(key, released);
        return released;
      }
      // The paths are computed only for the release served; an earlier month's figures need whom it leaves out.
      await this.compute(month, month === this.closedMonth());
    }
  }

  private keyOf(month: string): string {
    return `${this.sql().generations.read(LIFE_PATHS_PROJECTION)}@${month}`;
  }

  /** Cheap when the release is ready: a read of the log's month and the tables' generation. */
  private prepareRelease(): void {
    // The database closes as the application shuts down, possibly before this reader's timer is
    // cleared; and the projection creates its tables once the runner has started, maybe after this.
    if (this.stopped || !this.db.open || !hasTables(this.db)) return;
    // The release file's tables made now, whether or not a release is computed yet: readers of the file find them.
    this.sql();
    if (this.catchingUp()) return;
    this.release()
      .then((release) => this.prepareEarlierMonths(release))
      .catch((error: unknown) => {
        if (!this.stopped) this.logger.warn(`The life-paths release could not be prepared in advance, a request will compute it: ${errorMessage(error)}`);
      });
  }

  /**
   * Whom the releases of the months before the closed one show, which researchers' series ask for
   * (RESEARCH_MONTHS month ends): worked out one after the other once the closed month's release
   * is ready, so that a series' first request does not wait for two dozen of them (at a million
   * participants, some twenty seconds each). Once per closed month and tables' generation.
   */
  private async prepareEarlierMonths({ key, facts }: StoredRelease): Promise<void> {
    // The release's own month, not the log's again: a month closed since has a release of its own to come.
    if (facts.releasedAsOf === null || this.earlierMonthsOf === key) return;
    const closed = facts.releasedAsOf.slice(0, 7);
    this.earlierMonthsOf = key;
    try {
      for (let back = 1; back < RESEARCH_MONTHS && !this.stopped; back++) {
        // Prepared once the catch-up is over, for the month it closed last.
        if (this.catchingUp()) return void (this.earlierMonthsOf = undefined);
        await this.releasedAt(monthsAfter(closed, -back));
      }
    } catch (error) {
      this.earlierMonthsOf = undefined;
      throw error;
    }
  }

  private compute(month: string, withPaths: boolean): Promise<void> {
    const id = `${month}:${withPaths}`;
    let computing = this.computing.get(id);
    if (computing === undefined) {
      computing = this.queue.then(() => this.run(month, withPaths)).finally(() => this.computing.delete(id));
      this.queue = computing.catch(() => undefined);
      this.computing.set(id, computing);
    }
    return computing;
  }

  /**
   * Computes and stores a release, letting waiting requests in between its slices; on an
   * in-memory database (tests, trials) in one go: its snapshot is the service's own connection,
   * which nothing else may use in between.
   */
  private async run(month: string, withPaths: boolean): Promise<void> {
    const snapshot = new MonthSnapshot(this.db);
    try {
      const { kAnonymity: k, pseudonymSecret } = this.config;
      const steps = computeRelease(snapshot, this.sql().tables, month, withPaths, { k, pseudonymSecret, sliceMs: SLICE_MS });
      for (let step = steps.next(); !step.done; step = steps.next()) {
        if (!snapshot.pauses) continue;
        await betweenSlices();
        if (this.stopped) throw new Error('The service is stopping');
      }
    } finally {
      snapshot.close();
    }
  }

  // Prepared on first use: the tables are created when the projections start, after this reader is built.
  private sql() {
    this.statements ??= prepare(this.db);
    return this.statements;
  }
}

/** Months whose released participants are kept in memory: more than a researcher's longest series (outcome-series.reader.ts). */
const RELEASED_MONTHS_KEPT = 120;

/**
 * Whom a month's release shows, under the key of the tables and month it was computed from: the
 * participants in the month's snapshot (IN_MONTH_SNAPSHOT, month-snapshot.ts) but the suppressed.
 */
export interface ReleasedParticipants {
  key: string;
  month: string;
  suppressed: ReadonlySet<string>;
}

/** How often the reader checks, off any request, whether a month has closed or the tables were replaced. */
const PREPARE_EVERY_MS = 1000;

/** The projection creates its tables together: the last of them tells they all are there. */
const hasTables = (db: Database.Database): boolean =>
  db.prepare<[], number>(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'life_paths_log_month'`).pluck().get() === 1;

function prepare(db: Database.Database) {
  return {
    generations: new ProjectionGenerations(db),
    logMonth: selectLogMonth(db, LIFE_PATHS_LOG_MONTH),
    tables: new ReleaseTables(openLifePathReleaseFile(db, RELEASE_TABLES_LAYOUT)),
  };
}
