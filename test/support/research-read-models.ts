import type Database from 'better-sqlite3';
import type { Catalogue } from '../../src/catalogue/catalogue';
import type { Clock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config/config';
import type { StoredEvent } from '../../src/event-store/event-store.port';
import { foldEvents } from '../../src/projections/fold-events';
import { LifePathsProjection } from '../../src/read-side/life-paths/life-paths.projection';
import { LifePathsReader } from '../../src/read-side/life-paths/life-paths.reader';
import { OutcomesProjection } from '../../src/read-side/outcomes/outcomes.projection';
import { OutcomesReader } from '../../src/read-side/outcomes/outcomes.reader';

/**
 * The two read models researchers' figures come from (the outcomes, and the life paths whose release
 * says whom they leave out), folded together as the projection runner does, and a way to open new
 * readers over them with nothing cached. `k` is the release's: 1 withholds nobody.
 */
export function researchReadModels(db: Database.Database, catalogue: Catalogue, clock: Clock, k = 1) {
  const writers = [new OutcomesProjection(catalogue).open(db), new LifePathsProjection(catalogue).open(db)];
  const config = loadConfig({ NODE_ENV: 'test', K_ANONYMITY: String(k) });
  return {
    fold: (events: readonly StoredEvent[]) => db.transaction(() => writers.forEach((writer) => foldEvents(writer, events, 0n)))(),
    reader: () => new OutcomesReader(db, catalogue, clock, new LifePathsReader(db, config)),
  };
}

/** An outcomes reader for tests of the figures advisers, coordinators and admins see: the life paths are not read. */
export const outcomesReader = (db: Database.Database, catalogue: Catalogue, clock: Clock): OutcomesReader =>
  new OutcomesReader(db, catalogue, clock, new LifePathsReader(db, loadConfig({ NODE_ENV: 'test' })));
