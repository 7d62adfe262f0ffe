import type { EventStore, GlobalPosition } from '../src/event-store/event-store.port';

/**
 * The log of `store` from after `base` on, as if it began there: what this run wrote, on a server
 * that may hold the events of earlier runs and tests before it.
 */
export function logAfter(store: EventStore, base: GlobalPosition): EventStore {
  return {
    appendToStream: (streamId, events, expectedVersion) => store.appendToStream(streamId, events, expectedVersion),
    readStream: (streamId) => store.readStream(streamId),
    readAll: (after, limit) => store.readAll(after > base ? after : base, limit),
    readTypes: (after, limit, types) => store.readTypes(after > base ? after : base, limit, types),
    headPosition: () => store.headPosition(),
    waitForEvents: (after, signal) => store.waitForEvents(after > base ? after : base, signal),
  };
}
