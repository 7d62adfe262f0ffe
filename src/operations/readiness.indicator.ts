import { Inject, Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { EventStore } from '../event-store/event-store.port';
import type { KeyVault } from '../personal-data/key-vault.port';
import { projectionLags } from '../projections/projection-lags';
import { ProjectionRunner } from '../projections/projection-runner';
import { StoreHealth } from '../storage/store-health';
import { EVENT_STORE, KEY_VAULT } from '../storage/storage.tokens';

/** Whether the service can answer truthfully: its store answers and its read models are current. */
@Injectable()
export class ReadinessIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(KEY_VAULT) private readonly vault: KeyVault,
    private readonly storeHealth: StoreHealth,
  ) {}

  /**
   * Down while the store answers no read, or refuses writes since an append failed for a cause
   * outside the request (a full disk…); a small write of its own probes for the store's recovery.
   */
  async storeAnswers(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('store');
    try {
      const head = String(await this.store.headPosition());
      const writes = this.storeHealth.writable();
      if (writes.writable) return check.up({ head });
      return check.down({ head, message: 'The store refuses writes', since: writes.since.toISOString(), cause: writes.cause });
    } catch {
      return check.down({ message: 'The event store does not answer' });
    }
  }

  /** Down while a projection fails, or lags the log's head by more than READINESS_MAX_LAG events (its lag counted up to one more). */
  async projectionsCurrent(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('projections');
    const statuses = this.projections.status();
    let lags: Map<string, number>;
    try {
      ({ lags } = await projectionLags(this.store, statuses, this.config.readinessMaxLag + 1));
    } catch {
      return check.down({ message: 'The event store does not answer' });
    }
    const details = Object.fromEntries(
      statuses.map(({ name, position, healthy, lastError }) => [name, { position: String(position), lag: lags.get(name)!, healthy, lastError }]),
    );
    const current = Object.values(details).every((p) => p.healthy && p.lag <= this.config.readinessMaxLag);
    return current ? check.up(details) : check.down(details);
  }

  /**
   * Down until every read model was verified once (at a national size, a minute after the service
   * listens), and while the last verification of one found it damaged (rows lost, totals that do
   * not add up): its figures cannot be trusted until `npm run projections:rebuild` repairs it.
   * Details name each projection and what is wrong; `verified` is false before its first check.
   */
  async readModelsIntact(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('readModels');
    const details = Object.fromEntries(
      this.projections.status().map(({ name, problems }) => [name, { verified: problems !== null, problems: (problems ?? []).map((p) => p.message) }]),
    );
    const intact = Object.values(details).every(({ verified, problems }) => verified && problems.length === 0);
    return intact ? check.up(details) : check.down(details);
  }

  /**
   * Erasures whose key may still be in the storage's files. Always up: the key is already
   * unreadable through the service, and taking the instance out of service would not end the
   * other process's read that holds the removal back, only stop case work. Operators alert on
   * the age instead (docs/operations.md).
   */
  async erasuresPendingRemoval(): Promise<HealthIndicatorResult> {
    const { count, oldestSince } = await this.vault.pendingRemovals();
    return this.indicators.check('erasures').up({ pendingRemoval: count, oldestPendingSince: oldestSince?.toISOString() ?? null });
  }
}
