import { type EventData, jsonEvent, type ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata, NewEvent, StoredEvent } from '../event-store.port';
import { globalPositionOf, versionOf } from './esdb-positions';

/** An event to append: data and metadata as JSON, the metadata being the port's (recordedAt, recordedBy, commandId). */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({ type: event.type, data: event.data, metadata: { ...event.metadata } });
}

/** An event as the port tells it, from one read or delivered by a subscription. */
export function toStoredEvent({ event }: ResolvedEvent): StoredEvent {
  if (!event?.isJson) throw new Error(`EventStoreDB answered an event that is not JSON${event ? ` in ${event.streamId}` : ''}: the service writes none`);
  return {
    streamId: event.streamId,
    version: versionOf(event.revision),
    position: globalPositionOf(event.position),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata as unknown as EventMetadata,
  };
}
