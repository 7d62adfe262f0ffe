import { START_OF_LOG } from '../../../src/event-store/event-store.port';
import { extendedBy, knownJourney, RecentJourneys } from '../../../src/journey/application/recent-journeys';
import type { RecordedJourneyEvent } from '../../../src/journey/application/recorded-journey-event';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { decidedJourneys } from '../../support/programme-journeys';

const recorded = (events: readonly JourneyEvent[]): RecordedJourneyEvent[] =>
  events.map((event, index) => ({ event, version: index + 1, position: START_OF_LOG + BigInt(index + 1), metadata: { recordedAt: '2026-01-01T00:00:00.000Z', recordedBy: 'test', commandId: null } }));

describe('recent journeys (unit)', () => {
  it('extends a known journey by appended events to what folding the whole stream gives, amendments and erasures included', () => {
    const journeys = decidedJourneys(7, 0.05, (index) => index % 3 === 0, 4);
    expect(journeys.length).toBeGreaterThan(5);
    for (const { events } of journeys) {
      const history = recorded(events);
      const whole = knownJourney(history);
      for (let known = 1; known < history.length; known++) {
        expect(extendedBy(knownJourney(history.slice(0, known)), history.slice(known))).toEqual(whole);
      }
    }
  });

  it('keeps at most its bound of journeys, forgetting the least recently used', () => {
    const recent = new RecentJourneys(2);
    const empty = knownJourney([]);
    recent.remember('a', empty);
    recent.remember('b', empty);
    recent.get('a');
    recent.remember('c', empty);
    expect([recent.get('a'), recent.get('b'), recent.get('c')]).toEqual([empty, undefined, empty]);
    recent.forget('a');
    expect(recent.get('a')).toBeUndefined();
  });
});
