import type { StoredEvent } from '../../src/event-store/event-store.port';
import type { JourneyEvent } from '../../src/journey/domain/events';

/**
 * Participants' events as a store holds them, stream after stream, each recorded at 09:00 UTC on the
 * day it happened: researchers' month ends count what was recorded by then.
 */
export function recordedOnTheirDay(streams: ReadonlyArray<readonly [participantId: string, events: readonly JourneyEvent[]]>): StoredEvent[] {
  let position = 0n;
  return streams.flatMap(([participantId, events]) =>
    events.map((e, v) => ({
      ...e,
      streamId: `participant-${participantId}`,
      version: v + 1,
      position: ++position,
      metadata: { recordedAt: `${e.data.occurredOn}T09:00:00.000Z`, recordedBy: 'test', commandId: null },
    })),
  );
}
