import { Global, Injectable, Logger, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventStore } from '../../../src/event-store/event-store.port';
import { SqliteEventStore } from '../../../src/event-store/sqlite/sqlite-event-store';
import type { Projection } from '../../../src/projections/projection';
import { PROJECTIONS } from '../../../src/projections/projection.tokens';
import { ProjectionRunner } from '../../../src/projections/projection-runner';
import { ProjectionsModule } from '../../../src/projections/projections.module';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { StorageModule } from '../../../src/storage/storage.module';
import { EVENT_STORE } from '../../../src/storage/storage.tokens';
import { tempDir } from '../../support/temp-files';
import { appendEvents, eventCounts, faultyProjection, lastPosition } from './test-projections';

const PROJECTION_SETTINGS = Symbol('PROJECTION_SETTINGS');

/** What the read side does: a global module providing PROJECTIONS by a factory, and using the runner itself. */
@Injectable()
class DashboardPusher {
  constructor(readonly runner: ProjectionRunner) {}
}

@Global()
@Module({
  providers: [
    { provide: PROJECTION_SETTINGS, useValue: { countsName: 'event-counts' } },
    {
      provide: PROJECTIONS,
      useFactory: (settings: { countsName: string }): Projection[] => [eventCounts(settings.countsName), faultyProjection({ active: false })],
      inject: [PROJECTION_SETTINGS],
    },
    DashboardPusher,
  ],
  exports: [PROJECTIONS],
})
class ReadSideLikeModule {}

describe('ProjectionsModule (int, Nest wiring on a real SQLite file)', () => {
  const tmp = tempDir('journey-projections-module-');
  afterAll(() => tmp.remove());

  async function boot(file: string, projections: typeof ReadSideLikeModule = ReadSideLikeModule): Promise<INestApplicationContext> {
    @Module({ imports: [StorageModule.forRoot({ eventStore: { kind: 'sqlite', file }, keyVaultFile: null, readModelFile: file, storeLockWaitSeconds: 30 }), ProjectionsModule.forRoot(), projections] })
    class AppLikeModule {}
    return NestFactory.createApplicationContext(AppLikeModule, { logger: false });
  }

  it('runs the projections of the read side from bootstrap to shutdown, one runner shared with its users', async () => {
    const app = await boot(tmp.file('wired.db'));
    const runner = app.get(ProjectionRunner);
    try {
      const events = await appendEvents(app.get<EventStore>(EVENT_STORE), 5);

      expect(await runner.waitUntilCaughtUp(lastPosition(events), 10_000)).toBe(true);
      expect(runner.status().map((s) => s.name)).toEqual(['event-counts', 'faulty']);
      expect(app.get(DashboardPusher).runner).toBe(runner);
    } finally {
      await app.close();
    }
    // Stopped before the storage module closed the connection: no loop is left to wait for.
    expect(await runner.waitUntilCaughtUp(1_000_000n, 60_000)).toBe(false);
  });

  it('does not hold the bootstrap back for a projection that cannot catch up', async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    @Global()
    @Module({
      providers: [{ provide: PROJECTIONS, useFactory: () => [faultyProjection({ active: true })] }],
      exports: [PROJECTIONS],
    })
    class BrokenReadSideModule {}
    const file = tmp.file('broken.db');
    const seed = openSqliteDatabase(file);
    await appendEvents(new SqliteEventStore(seed), 3, { poison: true });
    seed.close();

    const app = await boot(file, BrokenReadSideModule);
    try {
      expect(app.get(ProjectionRunner).status()).toEqual([expect.objectContaining({ name: 'faulty', position: 0n })]);
    } finally {
      await app.close();
      jest.restoreAllMocks();
    }
  });
});
