import type { ProjectionRunner } from '../../projections/projection-runner';

/** Whether a projection is catching up: folding a log it is far behind, as after a restart on a new layout. */
export type CatchingUp = () => boolean;

export const LIFE_PATHS_CATCHING_UP = Symbol('LIFE_PATHS_CATCHING_UP');

/** Whether the projection `name` of the runner is catching up, as the runner knows from its reads: nothing is read to tell. */
export const projectionCatchingUp =
  (runner: Pick<ProjectionRunner, 'status'>, name: string): CatchingUp =>
  () =>
    runner.status().find((projection) => projection.name === name)?.catchingUp ?? false;
