import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { EventStore } from '../event-store/event-store.port';
import { projectionLags } from '../projections/projection-lags';
import { ProjectionRunner } from '../projections/projection-runner';
import { EVENT_STORE } from '../storage/storage.tokens';
import { HealthController } from './health.controller';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { ReadinessIndicator } from './readiness.indicator';

/** Beyond this, a projection's lag reads as this: a scrape must stay cheap while a replica builds its read models. */
const LAG_COUNTED_UP_TO = 10_000;

/** What operators need: health probes and Prometheus metrics. */
@Global()
@Module({
  imports: [TerminusModule],
  controllers: [HealthController, MetricsController],
  providers: [{ provide: Metrics, useFactory: () => new Metrics() }, ReadinessIndicator],
  exports: [Metrics],
})
export class OperationsModule implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    this.metrics.trackProjectionLag(async () => (await projectionLags(this.store, this.projections.status(), LAG_COUNTED_UP_TO)).lags);
  }
}
