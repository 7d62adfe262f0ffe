import type { MilestoneView } from '../../../src/journey/case/participant-case';
import type { MilestoneEvent, MilestoneValues } from '../../../src/journey/domain/events';
import { isMilestone } from '../../../src/journey/domain/journey';
import { valuesOf } from '../../../src/journey/domain/milestone-fields';
import { MILESTONE_KIND } from '../../../src/journey/domain/milestone-kind';
import { MILESTONE_KINDS } from '../../../src/journey/domain/vocabulary';
import { timelineOf, timelineText } from '../../../src/read-side/cases/case-timeline-text';
import { decidedJourneys } from '../../support/programme-journeys';

const coaching = (values: object, amended: Partial<MilestoneView> = {}): MilestoneView => ({
  sequence: 2,
  kind: 'COACHING_SESSION',
  occurredOn: '2007-04-02',
  recordedAt: '2007-04-02T09:30:00.000Z',
  recordedBy: 'adviser-1',
  summary: 'Coaching session: INDIVIDUAL, 60 min',
  note: 'pd1:sealed',
  values: values as MilestoneValues,
  original: null,
  amendments: [],
  voided: false,
  ...amended,
});

/** Read back as stored, names in the same order too. */
const readBack = (milestone: MilestoneView) => {
  const [read] = timelineOf(timelineText([milestone]));
  expect(read).toStrictEqual(milestone);
  expect(Object.keys(read.values)).toEqual(Object.keys(milestone.values));
  return read;
};

describe('case timelines as stored text', () => {
  it('stores values of the kind, in its order, without their names, and reads them back with them', () => {
    const milestone = coaching({ occurredOn: '2007-04-02', mode: 'INDIVIDUAL', durationMinutes: 60 });

    expect(timelineText([milestone])).toBe('[2,"COACHING_SESSION","2007-04-02T09:30:00.000Z","adviser-1","pd1:sealed",["2007-04-02","INDIVIDUAL",60]]');
    readBack(milestone);
  });

  it.each([
    ['in another order', { mode: 'INDIVIDUAL', occurredOn: '2007-04-02', durationMinutes: 60 }],
    ['one name more', { occurredOn: '2007-04-02', mode: 'INDIVIDUAL', durationMinutes: 60, room: 'B' }],
  ])('keeps values named otherwise than the kind’s (%s) as the object they are', (_, values) => {
    expect(timelineText([coaching(values)])).toContain(JSON.stringify(values));
    readBack(coaching(values));
  });

  it('keeps what corrections and voids mark, and works the summary out from the values as they stand', () => {
    const corrected = coaching(
      { occurredOn: '2007-04-02', mode: 'GROUP', durationMinutes: 90 },
      {
        summary: 'Coaching session: GROUP, 90 min',
        original: { occurredOn: '2007-04-02', mode: 'INDIVIDUAL', durationMinutes: 60 } as MilestoneValues,
        amendments: [{ sequence: 3, kind: 'CORRECTED', changed: ['mode', 'durationMinutes'], reason: 'pd1:why', recordedAt: '2007-04-03T10:00:00.000Z', recordedBy: 'adviser-2' }],
      },
    );

    expect(readBack(corrected).summary).toBe('Coaching session: GROUP, 90 min');
  });
});

describe('every kind of milestone the domain records', () => {
  const stored = (event: MilestoneEvent): unknown => {
    const kind = MILESTONE_KIND[event.type];
    const milestone = JSON.parse(timelineText([coaching(valuesOf(event), { kind })])) as unknown[];
    return milestone[5];
  };

  // The names kept apart from the events (VALUE_NAMES) must follow them: should an event gain a
  // field, its milestones would silently be stored as objects, whole names and all.
  it('is stored as the array of its values, for each milestone of a programme run', () => {
    const milestones = decidedJourneys(7, 1 / 100, (index) => index % 10 === 0)
      .flatMap(({ events }) => events)
      .filter(isMilestone);

    expect(new Set(milestones.map((event) => MILESTONE_KIND[event.type]))).toEqual(new Set(MILESTONE_KINDS));
    for (const event of milestones) expect([event.type, Array.isArray(stored(event))]).toEqual([event.type, true]);
  });
});
