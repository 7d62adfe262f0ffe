import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

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
    help: 'GraphQL operations over HTTP, by type and name',
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

  /** Projection lag is read when scraped, so it costs nothing between scrapes. */
  trackProjectionLag(lagByProjection: () => Promise<Map<string, number>>): void {
    new Gauge({
      name: 'journey_projection_lag_events',
      help: 'Events in the log that a projection has not applied yet',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        for (const [projection, lag] of await lagByProjection()) this.set({ projection }, lag);
      },
    });
  }
}
