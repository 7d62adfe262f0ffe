import type { RecordedJourneyEvent } from '../../../src/journey/application/recorded-journey-event';
import { RecentJourneys } from '../../../src/journey/application/recent-journeys';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { foldJourney } from '../../../src/journey/domain/journey';
import { event } from '../journey/fixtures';

const metadata = { recordedAt: '2008-03-17T09:00:00.000Z', recordedBy: 'adviser', commandId: null };

/** A participant's stream as the store holds it, and the reads the cache asks of it. */
function storedStream(...events: JourneyEvent[]) {
  const stream: RecordedJourneyEvent[] = [];
  const reads: number[] = [];
  const append = (...more: JourneyEvent[]): RecordedJourneyEvent[] => {
    const recorded = more.map((e, i) => ({ event: e, version: stream.length + i + 1, position: BigInt(stream.length + i + 1), metadata }));
    stream.push(...recorded);
    return recorded;
  };
  append(...events);
  const repository = {
    load: async (_participantId: string, afterVersion = 0) => {
      reads.push(afterVersion);
      return stream.slice(afterVersion);
    },
  };
  return { stream, reads, append, repository };
}

describe('RecentJourneys', () => {
  const enrolled = event.enrolled();

  it('reads a participant whole once, then only what was appended since, and folds what it holds as the whole stream folds', async () => {
    const { stream, reads, append, repository } = storedStream(enrolled, event.coachingHeld('2008-02-01'));
    const recent = new RecentJourneys(repository);

    await recent.load('p');
    // Appended by someone else (another process): the version held no longer is the stream's.
    append(event.activityStarted('2008-02-03', 'IT_TRAINING'));
    const loaded = await recent.load('p');

    expect(reads).toEqual([0, 2]);
    expect(loaded.history).toEqual(stream);
    expect(loaded.journey).toEqual(foldJourney(stream.map((r) => r.event)));
  });

  it('holds what it appended without reading it back', async () => {
    const { stream, reads, append, repository } = storedStream(enrolled);
    const recent = new RecentJourneys(repository);

    const appended = recent.appended('p', await recent.load('p'), append(event.coachingHeld('2008-02-01')));
    const loaded = await recent.load('p');

    expect(reads).toEqual([0, 2]);
    expect(loaded).toEqual(appended);
    expect(loaded.journey).toEqual(foldJourney(stream.map((r) => r.event)));
  });

  it('lets the participants used least lately go once it holds more events than it may', async () => {
    const first = storedStream(enrolled, event.coachingHeld('2008-02-01'));
    const second = storedStream(enrolled, event.coachingHeld('2008-02-01'));
    const load = async (participantId: string, afterVersion = 0) =>
      (participantId === 'first' ? first : second).repository.load(participantId, afterVersion);
    const recent = new RecentJourneys({ load }, 3);

    await recent.load('first');
    await recent.load('second');
    await recent.load('first');
    await recent.load('second');

    expect(first.reads).toEqual([0, 0]);
    expect(second.reads).toEqual([0, 0]);
  });

  it('reads the stream whole again once told to forget it', async () => {
    const { reads, repository } = storedStream(enrolled);
    const recent = new RecentJourneys(repository);

    await recent.load('p');
    recent.forget('p');
    await recent.load('p');

    expect(reads).toEqual([0, 0]);
  });
});
