import type { EventStore, GlobalPosition } from '../event-store/event-store.port';

/**
 * How many events of the log a projection at `position` has yet to fold, counted up to `max`
 * (beyond it, `max`). Counted rather than subtracted: positions have gaps, in an EventStoreDB log
 * of a record's size in bytes, so their difference is no number of events.
 */
export async function eventsBehind(store: EventStore, position: GlobalPosition, head: GlobalPosition, max: number): Promise<number> {
  if (position >= head) return 0;
  return (await store.readAll(position, max)).length;
}
