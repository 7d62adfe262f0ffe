import { Inject, Injectable } from '@nestjs/common';
import { Metrics } from '../../operations/metrics';
import { EVENT_STORE, KEY_VAULT } from '../../storage/storage.tokens';
import type { EventMetadata, EventStore, StoredEvent } from '../../event-store/event-store.port';
import type { KeyVault } from '../../personal-data/key-vault.port';
import { sealEventData } from '../../personal-data/personal-data-codec';
import type { JourneyEvent } from '../domain/events';
import type { RecordedJourneyEvent } from './recorded-journey-event';

const STREAM_PREFIX = 'participant-';

export const participantStream = (participantId: string): string => `${STREAM_PREFIX}${participantId}`;

/** The participant a stream belongs to; null for a stream of something else. */
export const participantOfStream = (streamId: string): string | null =>
  streamId.startsWith(STREAM_PREFIX) ? streamId.slice(STREAM_PREFIX.length) : null;

/** Journeys in the event store: one stream per participant, personal data sealed at rest. */
@Injectable()
export class JourneyRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_VAULT) private readonly vault: KeyVault,
    private readonly metrics: Metrics,
  ) {}

  /** The participant's events as stored: deciding needs none of the personal data, which stays sealed. */
  async load(participantId: string): Promise<RecordedJourneyEvent[]> {
    return (await this.store.readStream(participantStream(participantId))).map((e) => toRecorded(e, e.data));
  }

  /** Rejects with WrongExpectedVersion when the stream is not at `expectedVersion`. Answers the events as stored, sealed. */
  async append(
    participantId: string,
    events: readonly JourneyEvent[],
    expectedVersion: number,
    metadata: EventMetadata,
  ): Promise<RecordedJourneyEvent[]> {
    const sealed = await Promise.all(
      events.map(async (e) => ({ type: e.type, data: await sealEventData(this.vault, participantId, e.data), metadata })),
    );
    const timer = this.metrics.appendDuration.startTimer();
    const result = await this.store.appendToStream(participantStream(participantId), sealed, expectedVersion);
    timer();
    return result.events.map((e) => toRecorded(e, e.data));
  }

  async shredPersonalData(participantId: string): Promise<void> {
    await this.vault.shred(participantId);
  }
}

function toRecorded(stored: StoredEvent, data: object): RecordedJourneyEvent {
  return {
    event: { type: stored.type, data } as JourneyEvent,
    version: stored.version,
    position: stored.position,
    metadata: stored.metadata,
  };
}
