import { LRUCache } from 'lru-cache';
import { evolveJourney, foldJourney, type Journey } from '../domain/journey';
import type { RecordedJourneyEvent } from './recorded-journey-event';

/** A participant's stream as this process last read or wrote it, and its fold. */
export interface KnownJourney {
  history: readonly RecordedJourneyEvent[];
  journey: Journey;
}

/**
 * Participants recorded of late: a few thousand journeys of a dozen events each stay well under the
 * memory a national file leaves free, and cover the cases an office works on in a day.
 */
export const RECENT_JOURNEYS = 2_048;

/** The known journey of a whole stream read from the store. */
export const knownJourney = (history: readonly RecordedJourneyEvent[]): KnownJourney => ({
  history,
  journey: foldJourney(history.map((r) => r.event)),
});

/** The known journey with the events just appended to its stream. */
export const extendedBy = (known: KnownJourney, appended: readonly RecordedJourneyEvent[]): KnownJourney => ({
  history: [...known.history, ...appended],
  journey: appended.reduce((journey, r) => evolveJourney(journey, r.event), known.journey),
});

/**
 * The streams of recent participants as this process last saw them, so that their next command
 * neither reads nor folds the stream again. Only a hint: another process (a second replica, the
 * import, a rebuild) may have appended since. The append's expected version is what proves it
 * current: a stale hint fails that check in the store, and the command is taken again on the
 * stream as read.
 */
export class RecentJourneys {
  private readonly journeys: LRUCache<string, KnownJourney>;

  constructor(max = RECENT_JOURNEYS) {
    this.journeys = new LRUCache({ max });
  }

  get(participantId: string): KnownJourney | undefined {
    return this.journeys.get(participantId);
  }

  remember(participantId: string, known: KnownJourney): void {
    this.journeys.set(participantId, known);
  }

  forget(participantId: string): void {
    this.journeys.delete(participantId);
  }
}
