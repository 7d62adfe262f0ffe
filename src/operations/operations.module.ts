import { Global, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { EVENT_STORE } from '../storage/storage.tokens';
import { HealthController } from './health.controller';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { ReadinessIndicator } from './readiness.indicator';

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
    this.metrics.trackProjectionLag(async () => {
      const head = await this.store.headPosition();
      return new Map(this.projections.status().map(({ name, position }) => [name, Number(head - position)]));
    });
  }
}
