import type { EventStore } from '../../event-store/event-store.port';
import { projectionLags } from '../../projections/projection-lags';
import { DEFAULT_RUNNER_OPTIONS, type ProjectionRunner } from '../../projections/projection-runner';

/** Whether a projection is catching up: folding a log it is far behind, as after a restart on a new layout. */
export type CatchingUp = () => Promise<boolean>;

export const LIFE_PATHS_CATCHING_UP = Symbol('LIFE_PATHS_CATCHING_UP');

/** A batch of the runner's: a projection that far behind is catching up, not following. */
const CATCHING_UP_EVENTS = DEFAULT_RUNNER_OPTIONS.batchSize;

/** Whether the projection `name` of the runner is at least a batch behind the log's head. */
export const projectionCatchingUp =
  (runner: Pick<ProjectionRunner, 'status'>, store: EventStore, name: string): CatchingUp =>
  async () => {
    const status = runner.status().find((projection) => projection.name === name);
    if (status === undefined) return false;
    const { lags } = await projectionLags(store, [status], CATCHING_UP_EVENTS);
    return (lags.get(name) ?? 0) >= CATCHING_UP_EVENTS;
  };
