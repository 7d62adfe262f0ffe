import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import type { GlobalPosition } from '../../event-store/event-store.port';
import { anonymiseRelease, type LifePathRelease } from '../../life-paths/anonymise-release';
import type { LifePathRecord } from '../../life-paths/life-path-record';
import { ProjectionCheckpoints } from '../../projections/projection-checkpoints';
import { ProjectionGenerations } from '../../projections/projection-generations';
import { READ_MODEL_DATABASE } from '../../storage/storage.tokens';
import { LIFE_PATHS_PROJECTION } from './life-paths.projection';

/**
 * The k-anonymous release of every participant's life path. Anonymisation needs the whole
 * population at once, so it is computed once per state of the read model and shared by every
 * query until the read model moves.
 */
@Injectable()
export class LifePathsReader {
  private statements?: ReturnType<typeof prepare>;
  /** Keyed by the tables' generation too: a rebuild replaces them without moving the checkpoint. */
  private cached?: { generation: number; position: GlobalPosition; release: LifePathRelease };

  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Shared between callers: never to be mutated. */
  release(): LifePathRelease {
    const { checkpoints, generations, records } = this.sql();
    // Read before the records: records newer than their key only cost one extra recomputation,
    // where older records under a newer key would be served until the next event.
    const position = checkpoints.read(LIFE_PATHS_PROJECTION);
    const generation = generations.read(LIFE_PATHS_PROJECTION);
    if (this.cached?.position !== position || this.cached.generation !== generation) {
      const all = records.all().map((record) => JSON.parse(record) as LifePathRecord);
      const { kAnonymity: k, pseudonymSecret } = this.config;
      this.cached = { generation, position, release: anonymiseRelease(all, { k, pseudonymSecret }) };
    }
    return this.cached.release;
  }

  // Prepared on first use: the tables are created when the projections start, after this reader is built.
  private sql() {
    this.statements ??= prepare(this.db);
    return this.statements;
  }
}

function prepare(db: Database.Database) {
  return {
    checkpoints: new ProjectionCheckpoints(db),
    generations: new ProjectionGenerations(db),
    records: db.prepare<[], string>('SELECT record FROM life_paths').pluck(),
  };
}
