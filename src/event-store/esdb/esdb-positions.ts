import { type AppendExpectedRevision, type CurrentRevision, NO_STREAM, type Position, type ReadPosition, START } from '@eventstore/db-client';
import { type GlobalPosition, START_OF_LOG } from '../event-store.port';

// A stream's version n (the port's) is its revision n − 1 (EventStoreDB's); version 0 is no stream.

export const expectedRevisionOf = (version: number): AppendExpectedRevision => (version === 0 ? NO_STREAM : BigInt(version - 1));

export const versionOf = (revision: bigint): number => Number(revision) + 1;

export const currentVersionOf = (revision: CurrentRevision): number => (revision === NO_STREAM ? 0 : versionOf(revision));

/**
 * The port's position of an event: its commit position in $all. Each event of an append is a
 * record of its own in the log (no explicit transaction), at a position of its own, so positions
 * grow from event to event, with gaps.
 */
export function globalPositionOf(position: Position | undefined): GlobalPosition {
  // Stream reads carry positions from EventStoreDB 22.6 on; before, the client reads them as
  // absent or 0, where no event of the log ever is (the log opens with the server's own records).
  if (position === undefined || position.commit === 0n) throw new Error('EventStoreDB answered an event without its position: version 22.6 or later is required');
  return position.commit;
}

/**
 * Where a read of $all starts for the events after `after`. The port keeps commit positions only;
 * an event's prepare position equals its commit position (its own record). A read from a position
 * includes the event at it: the reader drops it.
 */
export const readPositionOf = (after: GlobalPosition): ReadPosition => (after === START_OF_LOG ? START : { commit: after, prepare: after });
