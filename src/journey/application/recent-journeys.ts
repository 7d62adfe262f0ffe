import { evolveJourney, initialJourney, type Journey } from '../domain/journey';
import type { JourneyRepository } from './journey-repository';
import type { RecordedJourneyEvent } from './recorded-journey-event';

/** A participant's stream as loaded: its events as stored, and the journey they fold to. */
export interface LoadedJourney {
  history: readonly RecordedJourneyEvent[];
  journey: Journey;
}

/**
 * Events held at most, over all the participants held: at a few hundred bytes an event, tens of
 * megabytes, whether for a few thousand streams of tens of events or fewer long ones.
 */
const EVENTS_HELD = 100_000;

/**
 * The streams of participants recorded for lately, kept decoded and folded: loading one again
 * reads only the events after the version held (usually none: one index lookup), where reading
 * and folding the whole stream took a recording's largest share of time, growing with the stream.
 * What is held is what the store answered, and a stream's events never change, so the held
 * events plus the read are the stream as it is, whoever appended the rest (another process).
 * Callers load and remember a participant one at a time (the command handler's per-participant
 * queue), and never change what they are given.
 */
export class RecentJourneys {
  /** In the order they were last used, oldest first: the first go when too many events are held. */
  private readonly held = new Map<string, LoadedJourney>();
  private eventsHeld = 0;

  constructor(
    private readonly journeys: Pick<JourneyRepository, 'load'>,
    private readonly eventsHeldAtMost = EVENTS_HELD,
  ) {}

  async load(participantId: string): Promise<LoadedJourney> {
    const known = this.held.get(participantId);
    const fresh = await this.journeys.load(participantId, known?.history.length ?? 0);
    if (known !== undefined && fresh.length === 0) return this.remember(participantId, known);
    return this.remember(participantId, extended(known ?? { history: [], journey: initialJourney() }, fresh));
  }

  /** The participant's stream once `recorded` was appended to the one loaded: it need not be read back. */
  appended(participantId: string, loaded: LoadedJourney, recorded: readonly RecordedJourneyEvent[]): LoadedJourney {
    return this.remember(participantId, extended(loaded, recorded));
  }

  /** After a version conflict: what is held may not be the stream any more (a restored file, say), so it is read whole next time. */
  forget(participantId: string): void {
    this.eventsHeld -= this.held.get(participantId)?.history.length ?? 0;
    this.held.delete(participantId);
  }

  private remember(participantId: string, loaded: LoadedJourney): LoadedJourney {
    this.forget(participantId);
    this.held.set(participantId, loaded);
    this.eventsHeld += loaded.history.length;
    for (const [oldest] of this.held) {
      if (this.eventsHeld <= this.eventsHeldAtMost) break;
      this.forget(oldest);
    }
    return loaded;
  }
}

function extended({ history, journey }: LoadedJourney, events: readonly RecordedJourneyEvent[]): LoadedJourney {
  if (events.length === 0) return { history, journey };
  return { history: [...history, ...events], journey: events.reduce((folded, r) => evolveJourney(folded, r.event), journey) };
}
