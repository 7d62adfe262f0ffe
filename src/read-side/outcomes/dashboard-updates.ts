import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { Subscription } from 'rxjs';
import { Metrics } from '../../operations/metrics';
import { ProjectionRunner } from '../../projections/projection-runner';
import type { DashboardView } from './dashboard-view';
import { OutcomesReader } from './outcomes.reader';

const OUTCOMES_PROJECTION = 'outcomes';

/**
 * Pushes a dashboard's new figures to its subscribers each time the outcomes read model commits a
 * change to it, and only then: topics are the scopes ('paris', 'paris/paris-gatp') that changed.
 */
@Injectable()
export class DashboardUpdates implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly pubSub = new PubSub<Record<string, DashboardView>>();
  private subscription?: Subscription;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly outcomes: OutcomesReader,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.runner.changes$.subscribe(({ projection, topics }) => {
      if (projection !== OUTCOMES_PROJECTION) return;
      for (const scope of topics) {
        const [city, programme = null] = scope.split('/');
        void this.pubSub.publish(scope, this.outcomes.dashboard(city, programme, null));
      }
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  /** The live figures of one city or programme, each time they change. */
  updatesOf(city: string, programme: string | null): AsyncIterableIterator<DashboardView> {
    const updates = this.pubSub.asyncIterableIterator<DashboardView>(programme === null ? city : `${city}/${programme}`);
    const { activeSubscriptions } = this.metrics;
    activeSubscriptions.inc();
    const end = updates.return!.bind(updates);
    let ended = false;
    // graphql-ws calls return() when the client stops or the socket closes.
    updates.return = () => {
      if (!ended) activeSubscriptions.dec();
      ended = true;
      return end();
    };
    return updates;
  }
}
