import type { EventStore, GlobalPosition } from '../event-store/event-store.port';

/** Where each projection stands against the log's head. */
interface ProjectionLags {
  head: GlobalPosition;
  /** By projection: events of the log it has yet to fold, counted up to the cap asked. */
  lags: Map<string, number>;
}

/**
 * Counted rather than subtracted: positions have gaps (in an EventStoreDB log, of a record's size
 * in bytes), so their difference is no number of events. One read of at most `max` events, from
 * the projection furthest behind: a projection ahead of it is counted within that read, so while
 * the one behind lags by more than `max`, the others' lags may read low (never high).
 */
export async function projectionLags(
  store: EventStore,
  projections: readonly { name: string; position: GlobalPosition }[],
  max: number,
): Promise<ProjectionLags> {
  const head = await store.headPosition();
  const behind = projections.filter(({ position }) => position < head);
  if (behind.length === 0) return { head, lags: new Map(projections.map(({ name }) => [name, 0])) };
  const from = behind.reduce((lowest, { position }) => (position < lowest ? position : lowest), head);
  const events = await store.readAll(from, max);
  const lags = new Map(projections.map(({ name, position }) => [name, Math.min(max, events.filter((e) => e.position > position).length)]));
  return { head, lags };
}
