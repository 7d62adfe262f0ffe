import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PendingKeyRemovals } from '../personal-data/key-vault.port';

/** What operators watch (Prometheus): latencies, outcomes, projection lag, live subscriptions. */
export class Metrics {
  readonly registry = new Registry();

  readonly appendDuration = new Histogram({
    name: 'journey_append_duration_seconds',
    help: 'Time to append a command’s events to the store, fsync included',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'journey_commands_total',
    help: 'Journey commands handled, by outcome: ok, or the error code answered',
    labelNames: ['command', 'outcome'],
    registers: [this.registry],
  });

  readonly operationDuration = new Histogram({
    name: 'journey_graphql_operation_duration_seconds',
    help: "GraphQL operations over HTTP, by type and root field ('other' for any the schema does not declare)",
    labelNames: ['type', 'operation'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  readonly activeSubscriptions = new Gauge({
    name: 'journey_active_subscriptions',
    help: 'Live dashboard subscriptions open now',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Erased participants whose shredded key may still be read from the storage's files (a write-ahead log a reader holds). */
  trackPendingKeyRemovals(pending: () => Promise<PendingKeyRemovals>): void {
    new Gauge({
      name: 'journey_erasures_pending_removal',
      help: 'Erasures whose key is unreadable through the service, but may still be in the storage files until removed',
      registers: [this.registry],
      async collect() {
        this.set((await pending()).count);
      },
    });
    new Gauge({
      name: 'journey_erasure_pending_removal_oldest_seconds',
      help: 'Age of the oldest erasure whose key is not yet removed from the storage files; 0 when none is pending',
      registers: [this.registry],
      async collect() {
        const { oldestSince } = await pending();
        this.set(oldestSince === null ? 0 : Math.max(0, (Date.now() - oldestSince.getTime()) / 1000));
      },
    });
  }

  /** What the last verification of each read model found (src/projections/verify-projection.ts), read when scraped. */
  trackReadModelProblems(problemsByProjection: () => Map<string, number>): void {
    new Gauge({
      name: 'journey_read_model_problems',
      help: "Problems the last verification found in a projection's read model (rows lost, totals that do not add up); 0 when intact",
      labelNames: ['projection'],
      registers: [this.registry],
      collect() {
        for (const [projection, problems] of problemsByProjection()) this.set({ projection }, problems);
      },
    });
  }

  /** Projection lag is read when scraped, so it costs nothing between scrapes. */
  trackProjectionLag(lagByProjection: () => Promise<Map<string, number>>): void {
    new Gauge({
      name: 'journey_projection_lag_events',
      help: 'Events in the log that a projection has not applied yet, counted up to 10000',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        for (const [projection, lag] of await lagByProjection()) this.set({ projection }, lag);
      },
    });
  }
}
