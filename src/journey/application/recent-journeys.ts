import { evolveJourney, initialJourney, type Journey } from '../domain/journey';
import type { JourneyRepository } from './journey-repository';
import type { RecordedJourneyEvent } from './recorded-journey-event';

/** A participant's stream as loaded: its events as stored, and the journey they fold to. */
export interface LoadedJourney {
  history: readonly RecordedJourneyEvent[];
  journey: Journey;
}

/**
 * Participants recorded for lately, this many at most: a busy adviser's day and then some, at a
 * few hundred bytes per event held (streams of tens of events), tens of megabytes at most.
 */
const RECENT_PARTICIPANTS = 2_000;

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
  /** In the order they were last used, oldest first: the first goes when the map is full. */
  private readonly held = new Map<string, LoadedJourney>();

  constructor(private readonly journeys: Pick<JourneyRepository, 'load'>) {}

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
    this.held.delete(participantId);
  }

  private remember(participantId: string, loaded: LoadedJourney): LoadedJourney {
    this.held.delete(participantId);
    this.held.set(participantId, loaded);
    if (this.held.size > RECENT_PARTICIPANTS) this.held.delete(this.held.keys().next().value!);
    return loaded;
  }
}

function extended({ history, journey }: LoadedJourney, events: readonly RecordedJourneyEvent[]): LoadedJourney {
  if (events.length === 0) return { history, journey };
  return { history: [...history, ...events], journey: events.reduce((folded, r) => evolveJourney(folded, r.event), journey) };
}
