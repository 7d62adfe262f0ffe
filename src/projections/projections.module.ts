import { type BeforeApplicationShutdown, type DynamicModule, Module, type OnApplicationBootstrap, type OnModuleInit, Optional } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { EventStore } from '../event-store/event-store.port';
import { Metrics } from '../operations/metrics';
import { EVENT_STORE, READ_MODEL_DATABASE } from '../storage/storage.tokens';
import type { Projection } from './projection';
import { PROJECTIONS, READ_MODEL_VERIFIER } from './projection.tokens';
import type { ReadModelVerifier } from './read-model-verifier';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';

/**
 * Runs the projections for the whole application. Global both ways: every module can inject the
 * runner without importing this one, and the runner finds PROJECTIONS in whichever global module
 * provides it (the read side), which may itself inject the runner without a circular import.
 */
@Module({})
export class ProjectionsModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    /** Absent where the application has no operations module (tests of the wiring). */
    @Optional() private readonly metrics?: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics?.trackReadModelProblems(() => new Map(this.runner.status().map(({ name, problems }) => [name, problems?.length ?? 0])));
  }

  static forRoot(options: Partial<ProjectionRunnerOptions> = {}): DynamicModule {
    return {
      module: ProjectionsModule,
      global: true,
      providers: [
        {
          provide: ProjectionRunner,
          useFactory: (db: Database.Database, store: EventStore, projections: readonly Projection[], verifier?: ReadModelVerifier) =>
            new ProjectionRunner(db, store, projections, options, verifier),
          inject: [READ_MODEL_DATABASE, EVENT_STORE, PROJECTIONS, { token: READ_MODEL_VERIFIER, optional: true }],
        },
      ],
      exports: [ProjectionRunner],
    };
  }

  /** Catching up runs in the background: the service answers while its read models fill in. */
  onApplicationBootstrap(): void {
    this.runner.start();
  }

  /** Before the storage module's shutdown closes the connection the loops write with. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
