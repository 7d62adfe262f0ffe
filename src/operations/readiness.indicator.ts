import { Inject, Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import { EVENT_STORE } from '../storage/storage.tokens';

/** Whether the service can answer truthfully: its store answers and its read models are current. */
@Injectable()
export class ReadinessIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async storeAnswers(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('store');
    try {
      return check.up({ head: String(await this.store.headPosition()) });
    } catch {
      return check.down({ message: 'The event store does not answer' });
    }
  }

  /** Down while a projection fails, or lags the log's head by more than READINESS_MAX_LAG events. */
  async projectionsCurrent(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('projections');
    const head = await this.store.headPosition();
    const details = Object.fromEntries(
      this.projections.status().map(({ name, position, healthy, lastError }) => [
        name,
        { position: String(position), lag: Number(head - position), healthy, lastError },
      ]),
    );
    const current = Object.values(details).every((p) => p.healthy && p.lag <= this.config.readinessMaxLag);
    return current ? check.up(details) : check.down(details);
  }
}
