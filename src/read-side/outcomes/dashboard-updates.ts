import { EventEmitter } from 'node:events';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { Subscription } from 'rxjs';
import type { Catalogue, CityEntry } from '../../catalogue/catalogue';
import { CATALOGUE } from '../../catalogue/catalogue.tokens';
import { Clock } from '../../clock/clock';
import { ServiceBusy } from '../../graphql/hardening/operation-gate';
import { atEachMidnight, type StopMidnights } from '../../clock/midnights';
import { Metrics } from '../../operations/metrics';
import { exactly } from '../../outcomes/cell';
import { cityScope, programmeScope, scopeOf } from '../../outcomes/outcome-scopes';
import { errorMessage } from '../../projections/error-message';
import { ProjectionRunner } from '../../projections/projection-runner';
import { LIFE_PATHS_PROJECTION } from '../life-paths/life-paths.projection';
import type { DashboardView } from './dashboard-view';
import { OUTCOMES_PROJECTION } from './outcomes.projection';
import { OutcomesReader } from './outcomes.reader';

const logger = new Logger('DashboardUpdates');

/** Researchers' topic of a scope: their figures are of the last month end, and move only when a month turns. */
const monthEndTopic = (scope: string): string => `month-ends:${scope}`;

/**
 * Pushes a dashboard's new figures to its subscribers each time the outcomes read model commits a
 * change to it (topics are the scopes that changed: 'paris', 'paris/paris-gatp'), and at its
 * city's midnight, when its open cases are censored a day later and its medians may move.
 * Researchers' subscriptions hear none of these: only, when the read models first fold a fact
 * of a later month and so close a month (outcomes.projection.ts, life-paths.projection.ts), the
 * figures of that new month end (docs/access-and-privacy.md).
 */
@Injectable()
export class DashboardUpdates implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  /**
   * Each subscriber of a scope is one listener of its topic, and a city's screens may be thousands:
   * the limit that warns of a leak past 10 listeners is lifted on purpose. Subscriptions are bounded
   * where they are opened instead (src/graphql/websocket/: sockets per caller, subscriptions per socket).
   */
  private readonly topics = new EventEmitter().setMaxListeners(0);
  private readonly pubSub = new PubSub<Record<string, DashboardView>>({ eventEmitter: this.topics });
  private subscription?: Subscription;
  private stopMidnights: StopMidnights[] = [];
  /** The month end researchers' figures were last of. */
  private researchMonthEnd = '';

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly outcomes: OutcomesReader,
    private readonly metrics: Metrics,
    private readonly clock: Clock,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.runner.changes$.subscribe(({ projection, topics }) => {
      // Researchers' month end closes once both read models their figures come from have closed it.
      if (projection === LIFE_PATHS_PROJECTION) return this.pushNewMonthEnd();
      if (projection !== OUTCOMES_PROJECTION) return;
      // Computed for the scopes someone listens to only: a catch-up commits a batch changing every scope.
      for (const scope of topics) if (this.topics.listenerCount(scope) > 0) this.publish(scope);
      this.pushNewMonthEnd();
    });
    this.pushNewMonthEnd();
    this.stopMidnights = this.catalogue.cities.map((city) => atEachMidnight(this.clock, city.timeZone, () => this.pushNewDay(city)));
  }

  // Before any module closes what a midnight's push reads (the database).
  beforeApplicationShutdown(): void {
    for (const stop of this.stopMidnights) stop();
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  /**
   * The live figures of one city or programme, each time they change; with `monthEnds`
   * (researchers), the figures of each new month end, pushed exact (the resolver perturbs them).
   */
  updatesOf(city: string, programme: string | null, monthEnds = false): AsyncIterableIterator<DashboardView> {
    const scope = scopeOf(city, programme);
    const updates = this.pubSub.asyncIterableIterator<DashboardView>(monthEnds ? monthEndTopic(scope) : scope);
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

  /** Every live dashboard of the city that someone listens to, computed for its new day. */
  private pushNewDay(city: CityEntry): void {
    const scopes = [cityScope(city.code), ...city.programmes.map((p) => programmeScope(city.code, p.code))];
    try {
      for (const scope of scopes) if (this.topics.listenerCount(scope) > 0) this.publish(scope);
    } catch (error) {
      // A timer's callback has no caller to tell: the next event or the next midnight pushes again.
      logger.warn(`The dashboards of ${city.code} could not be pushed at its midnight: ${errorMessage(error)}`);
    }
  }

  /** Researchers' dashboards once the read model has closed a month: after the batch that first folds a fact of a later one. */
  private pushNewMonthEnd(): void {
    try {
      const monthEnd = this.outcomes.researchMonthEnd();
      if (monthEnd === this.researchMonthEnd) return;
      for (const city of this.catalogue.cities) {
        for (const programme of [null, ...city.programmes.map((p) => p.code)]) {
          const topic = monthEndTopic(scopeOf(city.code, programme));
          if (this.topics.listenerCount(topic) === 0) continue;
          // Its release maybe computed first (life-paths.reader.ts): pushed once ready.
          this.outcomes
            .researchDashboard(city.code, programme, monthEnd, exactly)
            .then((view) => this.pubSub.publish(topic, view))
            .catch((error: unknown) => logger.warn(`Researchers' dashboard of ${monthEnd} could not be pushed: ${errorMessage(error)}`));
        }
      }
      this.researchMonthEnd = monthEnd;
    } catch (error) {
      // One read model has folded a first event the other has not yet: its batch pushes.
      if (error instanceof ServiceBusy) return;
      // The next batch the read model commits tries again.
      logger.warn(`Researchers' dashboards could not be pushed at the turn of the month: ${errorMessage(error)}`);
    }
  }

  private publish(scope: string): void {
    const [city, programme = null] = scope.split('/');
    void this.pubSub.publish(scope, this.outcomes.dashboard(city, programme, null));
  }
}
