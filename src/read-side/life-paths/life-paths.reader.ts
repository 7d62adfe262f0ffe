import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { anonymiseRelease, emptyRelease, type LifePathRelease } from '../../life-paths/anonymise-release';
import { leastLossNode, type NodeOutcome } from '../../life-paths/lattice-search';
import type { LifePathRecord } from '../../life-paths/life-path-record';
import { lastDayOf, monthBefore } from '../../clock/months';
import { errorMessage } from '../../projections/error-message';
import { ProjectionGenerations } from '../../projections/projection-generations';
import { READ_MODEL_DATABASE } from '../../storage/storage.tokens';
import { selectLogMonth } from '../../projections/log-month';
import { lifePathHeadOf, lifePathOf } from './life-path-text';
import { LIFE_PATHS_LOG_MONTH, LIFE_PATHS_PROJECTION } from './life-paths.projection';

/**
 * The k-anonymous release of every participant's life path, as the monthly snapshot of the last
 * closed month: the month before the latest one the projection has folded an event of. Every event
 * folded from then on counts in that latest month or after (life-paths.projection.ts), so a closed
 * month never changes, whatever the clocks or the projection's lag, and its release is computed
 * once per generation of the tables. Every caller, whatever their role, gets this one release (a
 * coordinator a part of it).
 * It is prepared off the request path: at start and within PREPARE_EVERY_MS of a month closing or
 * of the tables being replaced, so that a request finds it ready. A request that comes first
 * (between the month closing and the next preparation) computes it itself and waits for it: never
 * an older month's release, so that every answer after a month closes is of that month.
 * Researchers' figures describe the released participants only (docs/access-and-privacy.md,
 * "Researchers' figures are of the released participants"): the reader also tells whom a closed
 * month's release shows.
 */
@Injectable()
export class LifePathsReader implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LifePathsReader.name);
  private statements?: ReturnType<typeof prepare>;
  private preparing?: NodeJS.Timeout;
  /** Keyed by the tables' generation too: a rebuild replaces them, and may have folded the log less far. */
  private cached?: { generation: number; month: string | undefined; release: LifePathRelease };
  /** By generation and month: researchers may ask for the figures of any month end, so the least recently read go first. */
  private readonly releasedByMonth = new LRUCache<string, ReleasedParticipants>({ max: RELEASED_MONTHS_KEPT });

  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.prepareRelease();
    this.preparing = setInterval(() => this.prepareRelease(), PREPARE_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.preparing);
  }

  /** Shared between callers: never to be mutated. */
  release(): LifePathRelease {
    return this.sql().inOneReading(() => this.current());
  }

  /** The last month the projection has closed: the month before the latest one it folded an event of; undefined before any. */
  closedMonth(): string | undefined {
    const latest = this.sql().logMonth.get();
    return latest === undefined ? undefined : monthBefore(latest);
  }

  /**
   * The participants the release of `month` (closed: see closedMonth) shows, by id: its snapshot's
   * records but those the least-loss node leaves in classes smaller than k. Never published;
   * researchers' figures of that month end count these only, so that no figure tells of anyone
   * the paths do not show. The same object for the same tables and month, while kept.
   */
  releasedAt(month: string): ReleasedParticipants {
    return this.sql().inOneReading(() => {
      const key = `${this.sql().generations.read(LIFE_PATHS_PROJECTION)}@${month}`;
      let released = this.releasedByMonth.get(key);
      if (released === undefined) {
        const heads = this.recordsOf(month, lifePathHeadOf);
        released = releasedOf(key, heads, leastLossNode(heads, this.config.kAnonymity));
        this.releasedByMonth.set(key, released);
      }
      return released;
    });
  }

  private current(): LifePathRelease {
    const month = this.closedMonth();
    const generation = this.sql().generations.read(LIFE_PATHS_PROJECTION);
    if (this.cached?.generation !== generation || this.cached.month !== month) {
      const release = month === undefined ? emptyRelease(this.config.kAnonymity) : this.anonymise(month, `${generation}@${month}`);
      this.cached = { generation, month, release };
    }
    return this.cached.release;
  }

  /** Cheap when the release is ready: a read of the log's month and the tables' generation. */
  private prepareRelease(): void {
    // The database closes as the application shuts down, possibly before this reader's timer is
    // cleared; and the projection creates its tables once the runner has started, maybe after this.
    if (!this.db.open || !hasTables(this.db)) return;
    try {
      this.release();
    } catch (error) {
      this.logger.warn(`The life-paths release could not be prepared in advance, a request will compute it: ${errorMessage(error)}`);
    }
  }

  /** The month's release, and whom it shows under `releasedKey` unless known: the node is searched for once for both. */
  private anonymise(month: string, releasedKey: string): LifePathRelease {
    const { kAnonymity: k, pseudonymSecret } = this.config;
    // The search needs the quasi-identifiers only, the paths the steps too.
    const chosen = leastLossNode(this.recordsOf(month, lifePathHeadOf), k);
    // Whom it shows is noted in the pass that makes the paths: each pass reads and decodes every record again.
    const ids = new Set<string>();
    const records = notingReleased(this.recordsOf(month, lifePathOf), chosen, ids);
    const release = anonymiseRelease(records, { k, pseudonymSecret, releasedAsOf: lastDayOf(month) }, chosen);
    if (!this.releasedByMonth.has(releasedKey)) this.releasedByMonth.set(releasedKey, { key: releasedKey, ids });
    return release;
  }

  /**
   * The month's snapshot, read from the tables again each time it is iterated and decoded one
   * record at a time by `decode`: a million records do not fit in memory at once. Iterated within
   * one read transaction (inOneReading), every pass reads the same state of the tables.
   */
  private recordsOf(month: string, decode: (text: string) => LifePathRecord): Iterable<LifePathRecord> {
    const { snapshot } = this.sql();
    return {
      *[Symbol.iterator]() {
        for (const text of snapshot.iterate({ month })) yield decode(text);
      },
    };
  }

  // Prepared on first use: the tables are created when the projections start, after this reader is built.
  private sql() {
    this.statements ??= prepare(this.db);
    return this.statements;
  }
}

/** Months whose released participants are kept in memory: more than a researcher's longest series (outcome-series.reader.ts). */
const RELEASED_MONTHS_KEPT = 120;

/** Whom a month's release shows, under the key of the tables and month it was computed from. */
export interface ReleasedParticipants {
  key: string;
  ids: ReadonlySet<string>;
}

function releasedOf(key: string, records: Iterable<LifePathRecord>, { isSuppressed }: NodeOutcome): ReleasedParticipants {
  const ids = new Set<string>();
  for (const record of records) if (!isSuppressed(record)) ids.add(record.participantId);
  return { key, ids };
}

/** The records, read once, each released one's id added to `ids` as it goes by. */
function* notingReleased(records: Iterable<LifePathRecord>, { isSuppressed }: NodeOutcome, ids: Set<string>): Iterable<LifePathRecord> {
  for (const record of records) {
    if (!isSuppressed(record)) ids.add(record.participantId);
    yield record;
  }
}

/** How often the reader checks, off any request, whether a month has closed or the tables were replaced. */
const PREPARE_EVERY_MS = 1000;

/** The projection creates its tables together: the last of them tells they all are there. */
const hasTables = (db: Database.Database): boolean =>
  db.prepare<[], number>(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'life_paths_log_month'`).pluck().get() === 1;

function prepare(db: Database.Database) {
  return {
    /** A read transaction: the month, the generation and the records of one state of the tables. */
    inOneReading: <T>(read: () => T): T => db.transaction(read)(),
    generations: new ProjectionGenerations(db),
    logMonth: selectLogMonth(db, LIFE_PATHS_LOG_MONTH),
    /** Each record as it stood at the end of the month (the current one if it has not changed since, else its month end), by participant. */
    snapshot: db
      .prepare<{ month: string }, string>(
        `SELECT record FROM (
           SELECT participant_id, record FROM life_paths WHERE month <= @month
           UNION ALL
           SELECT e.participant_id, e.record FROM life_path_month_ends e JOIN life_paths c ON c.participant_id = e.participant_id
           WHERE c.month > @month AND e.month = (
             SELECT max(month) FROM life_path_month_ends WHERE participant_id = e.participant_id AND month <= @month
           )
         ) ORDER BY participant_id`,
      )
      .pluck(),
  };
}
