import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { foldJourney } from '../../../src/journey/domain/journey';
import { evolveLifePathRecord, type FoldedLifePath } from '../../../src/life-paths/life-path-record';
import { decidedJourneys } from '../../support/programme-journeys';
import { event } from '../journey/fixtures';

const EXIT_CLASSES = BUILT_IN_CATALOGUE.exitClasses;
const fold = (events: readonly JourneyEvent[]) =>
  events.reduce<FoldedLifePath | null>((record, e, i) => evolveLifePathRecord(record, e, EXIT_CLASSES, i + 1), null)!;

describe('life-path records of corrected journeys', () => {
  const enrolled = event.enrolled({ occurredOn: '2007-03-28', programme: 'paris-gatp' });
  const job = event.jobStarted('2007-05-02', { contractType: 'TIME_SHARE' });
  const exit = event.exited('2007-06-01', 'EMPLOYMENT');

  it('moves a corrected step to the month of its new date, with its new detail', () => {
    const corrected = event.corrected(3, 'JOB_STARTED', event.jobStarted('2007-04-30', { contractType: 'PERMANENT' }), ['occurredOn', 'contractType']);
    const record = fold([enrolled, event.coachingHeld('2007-04-02'), job, corrected]);
    expect(record.steps.map(({ month, kind, detail }) => [month, kind, detail])).toEqual([
      [0, 'ENROLLED', null],
      [1, 'COACHING_SESSION', 'INDIVIDUAL'],
      [1, 'JOB_STARTED', 'PERMANENT'],
    ]);
  });

  it('drops a voided step, and an outcome that rested on a voided exit', () => {
    const record = fold([enrolled, event.coachingHeld('2007-04-02'), job, exit, event.voided(2), event.voided(4)]);
    expect(record.steps.map((s) => s.kind)).toEqual(['ENROLLED', 'JOB_STARTED']);
    expect(record.outcome).toBeNull();
  });

  it("takes a corrected enrolment's date and profile: every month counts from the new entry date", () => {
    const earlier = event.enrolled({ occurredOn: '2007-02-26', programme: 'paris-gatp' });
    const record = fold([enrolled, job, event.corrected(1, 'ENROLLED', { ...earlier, data: { ...earlier.data, profile: { ...earlier.data.profile, birthYear: 1949 } } }, ['occurredOn', 'birthYear'])]);
    expect(record).toMatchObject({ entryDate: '2007-02-26', birthYear: 1949 });
    expect(record.steps.map((s) => s.month)).toEqual([0, 3]);
  });

  it('follows a corrected exit reason into the outcome', () => {
    const record = fold([enrolled, job, exit, event.corrected(3, 'EXITED', event.exited('2007-06-01', 'RETIREMENT'), ['exitReason'])]);
    expect(record.outcome).toBe('NEUTRAL');
  });

  it('ignores notes and new personal details, which are no step', () => {
    const plain = fold([enrolled, job]);
    const noted = fold([enrolled, event.noteAdded('2007-04-01'), event.personalDetailsChanged('2007-04-02'), job]);
    const strip = (r: FoldedLifePath) => ({ ...r, steps: r.steps.map(({ seq: _seq, ...step }) => step) });
    expect(strip(noted)).toEqual(strip(plain));
  });

  it('folded event by event, equals the record of the corrected journey folded from scratch (generated runs with random amendments)', () => {
    const journeys = decidedJourneys(5, 0.05, () => false, 8);
    expect(journeys.some((j) => j.events.some((e) => e.type === 'MilestoneCorrected' || e.type === 'MilestoneVoided'))).toBe(true);
    for (const { events } of journeys) {
      const fromScratch = foldJourney(events)
        .milestones.filter((m) => !m.voided)
        .reduce<FoldedLifePath | null>((record, m) => evolveLifePathRecord(record, m.event, EXIT_CLASSES, m.sequence), null);
      expect(fold(events)).toEqual(fromScratch);
    }
  });
});
