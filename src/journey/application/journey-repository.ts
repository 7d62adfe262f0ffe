import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Metrics } from '../../operations/metrics';
import { StoreHealth } from '../../storage/store-health';
import { EVENT_STORE, KEY_VAULT } from '../../storage/storage.tokens';
import type { EventMetadata, EventStore, NewEvent, StoredEvent } from '../../event-store/event-store.port';
import { KeyShredded, type KeyVault } from '../../personal-data/key-vault.port';
import { sealEventData } from '../../personal-data/personal-data-codec';
import { RuleViolation } from '../domain/errors';
import type { JourneyEvent } from '../domain/events';
import type { RecordedJourneyEvent } from './recorded-journey-event';

/** Every participant's stream starts so; the global log the projections read is these streams only. */
export const PARTICIPANT_STREAM_PREFIX = 'participant-';

export const participantStream = (participantId: string): string => `${PARTICIPANT_STREAM_PREFIX}${participantId}`;

/** The participant a stream belongs to; null for a stream of something else. */
export const participantOfStream = (streamId: string): string | null =>
  streamId.startsWith(PARTICIPANT_STREAM_PREFIX) ? streamId.slice(PARTICIPANT_STREAM_PREFIX.length) : null;

/**
 * Journeys in the event store: one stream per participant, personal data sealed at rest. A write
 * the store refuses for a cause outside the request (a full disk…) rejects with StoreUnavailable,
 * and marks the store unwritable until a write succeeds again (StoreHealth).
 */
@Injectable()
export class JourneyRepository implements OnModuleInit {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_VAULT) private readonly vault: KeyVault,
    private readonly metrics: Metrics,
    private readonly health: StoreHealth,
  ) {}

  onModuleInit(): void {
    this.metrics.trackPendingKeyRemovals(() => this.vault.pendingRemovals());
  }

  /**
   * The participant's events as stored, after version `afterVersion` (0: all): deciding needs none
   * of the personal data, which stays sealed.
   */
  async load(participantId: string, afterVersion = 0): Promise<RecordedJourneyEvent[]> {
    return (await this.store.readStream(participantStream(participantId), afterVersion)).map((e) => toRecorded(e, e.data));
  }

  /** Rejects with WrongExpectedVersion when the stream is not at `expectedVersion`. Answers the events as stored, sealed. */
  async append(
    participantId: string,
    events: readonly JourneyEvent[],
    expectedVersion: number,
    metadata: EventMetadata,
  ): Promise<RecordedJourneyEvent[]> {
    return this.health.recording(async () => this.appendSealed(participantId, await this.seal(participantId, events, metadata), expectedVersion));
  }

  /**
   * Records an erasure: the key is shredded before the event is appended, so that the two cannot
   * disagree the harmful way. An erasure interrupted in between has made the data unreadable,
   * and its retry records the event; with no event to record (already erased), shredding again
   * changes nothing. The events are sealed first, while the key still exists.
   */
  async erase(
    participantId: string,
    events: readonly JourneyEvent[],
    expectedVersion: number,
    metadata: EventMetadata,
  ): Promise<RecordedJourneyEvent[]> {
    return this.health.recording(async () => {
      const sealed = await this.seal(participantId, events, metadata);
      await this.vault.shred(participantId);
      return sealed.length === 0 ? [] : this.appendSealed(participantId, sealed, expectedVersion);
    });
  }

  private async seal(participantId: string, events: readonly JourneyEvent[], metadata: EventMetadata): Promise<NewEvent[]> {
    try {
      return await Promise.all(
        events.map(async (e) => ({ type: e.type, data: await sealEventData(this.vault, participantId, e), metadata })),
      );
    } catch (error) {
      // The key of an erasure interrupted before its event was recorded: it is never created again.
      if (error instanceof KeyShredded) throw new RuleViolation('ERASED', "The participant's personal data is erased: none can be recorded");
      throw error;
    }
  }

  private async appendSealed(participantId: string, sealed: NewEvent[], expectedVersion: number): Promise<RecordedJourneyEvent[]> {
    const timer = this.metrics.appendDuration.startTimer();
    const result = await this.store.appendToStream(participantStream(participantId), sealed, expectedVersion);
    timer();
    return result.events.map((e) => toRecorded(e, e.data));
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
