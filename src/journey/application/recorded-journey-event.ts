import type { EventMetadata, GlobalPosition } from '../../event-store/event-store.port';
import type { JourneyEvent } from '../domain/events';

/** A journey event as read back from the store, with its personal data opened. */
export interface RecordedJourneyEvent {
  event: JourneyEvent;
  /** The stream's version after this event: 1 for the enrolment. */
  version: number;
  position: GlobalPosition;
  metadata: EventMetadata;
}
