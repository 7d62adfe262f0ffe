import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { Catalogue } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import { Clock } from '../../clock/clock';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import type { GlobalPosition } from '../../event-store/event-store.port';
import { anonymiseRelease, type LifePathRelease } from '../../life-paths/anonymise-release';
import type { LifePathRecord } from '../../life-paths/life-path-record';
import { lastCompleteMonth, lastDayOf } from '../../life-paths/release-month';
import { ProjectionCheckpoints } from '../../projections/projection-checkpoints';
import { ProjectionGenerations } from '../../projections/projection-generations';
import { READ_MODEL_DATABASE } from '../../storage/storage.tokens';
import { LIFE_PATHS_PROJECTION } from './life-paths.projection';

/**
 * The k-anonymous release of every participant's life path, as the monthly snapshot of the last
 * complete month: every caller, whatever their role, gets this one release (a coordinator a part
 * of it). Anonymisation needs the whole population at once and tries every node of the lattice,
 * so it runs again only when the snapshot's records differ: what is recorded during the month
 * moves the read model but, by design, not the snapshot.
 */
@Injectable()
export class LifePathsReader {
  private statements?: ReturnType<typeof prepare>;
  /** Keyed by the tables' generation too: a rebuild replaces them without moving the checkpoint. */
  private cached?: { generation: number; position: GlobalPosition; month: string; input: string; release: LifePathRelease };

  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
    private readonly clock: Clock,
  ) {}

  /** Shared between callers: never to be mutated. */
  release(): LifePathRelease {
    const { checkpoints, generations, snapshot } = this.sql();
    const month = lastCompleteMonth(this.clock, this.catalogue.cities.map((c) => c.timeZone));
    // Read before the records: records newer than their key only cost one extra recomputation,
    // where older records under a newer key would be served until the next event.
    const position = checkpoints.read(LIFE_PATHS_PROJECTION);
    const generation = generations.read(LIFE_PATHS_PROJECTION);
    const cached = this.cached;
    if (cached?.position !== position || cached.generation !== generation || cached.month !== month) {
      const rows = snapshot.all({ month });
      const input = digestOf(month, rows);
      const release = cached?.input === input ? cached.release : this.anonymise(rows, month);
      this.cached = { generation, position, month, input, release };
    }
    return this.cached!.release;
  }

  private anonymise(rows: readonly string[], month: string): LifePathRelease {
    const records = rows.map((record) => JSON.parse(record) as LifePathRecord);
    const { kAnonymity: k, pseudonymSecret } = this.config;
    return anonymiseRelease(records, { k, pseudonymSecret, releasedAsOf: lastDayOf(month) });
  }

  // Prepared on first use: the tables are created when the projections start, after this reader is built.
  private sql() {
    this.statements ??= prepare(this.db);
    return this.statements;
  }
}

/** What the snapshot's release is computed from: equal digests, equal releases. */
function digestOf(month: string, rows: readonly string[]): string {
  const hash = createHash('sha256').update(month);
  for (const row of rows) hash.update('\n').update(row);
  return hash.digest('hex');
}

function prepare(db: Database.Database) {
  return {
    checkpoints: new ProjectionCheckpoints(db),
    generations: new ProjectionGenerations(db),
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
