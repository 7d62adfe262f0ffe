import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { Catalogue } from '../../../src/catalogue/catalogue';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { type FoldedLifePath, evolveLifePathRecord, monthsBetween } from '../../../src/life-paths/life-path-record';
import { PARTICIPANT, event } from '../journey/fixtures';

const EXIT_CLASSES = BUILT_IN_CATALOGUE.exitClasses;
const fold = (events: JourneyEvent[], exitClasses: Catalogue['exitClasses'] = EXIT_CLASSES) =>
  events.reduce<FoldedLifePath | null>((record, e, i) => evolveLifePathRecord(record, e, exitClasses, i + 1), null);
const foldedRecord = (events: JourneyEvent[]): FoldedLifePath => {
  const record = fold(events);
  if (record === null) throw new Error('expected a record');
  return record;
};

const enrolled = event.enrolled({ occurredOn: '2007-03-28', programme: 'paris-gatp' });

describe('life-path record: what one participant contributes, folded event by event', () => {
  it('an enrolment opens the record with the profile, the entry date and a month-0 step', () => {
    expect(fold([enrolled])).toMatchObject({
      participantId: PARTICIPANT,
      city: 'paris',
      programme: 'paris-gatp',
      entryDate: '2007-03-28',
      birthYear: 1952,
      gender: 'FEMALE',
      educationLevel: 'ISCED_5_8',
      lastSector: 'K',
      outcome: null,
      steps: [{ month: 0, kind: 'ENROLLED', detail: null }],
    });
  });

  it('a milestone without an enrolment before it makes no record', () => {
    expect(fold([event.coachingHeld('2007-04-02')])).toBeNull();
  });

  describe('months count calendar months from the first enrolment', () => {
    it.each([
      ['2007-03-28', 0],
      ['2007-03-31', 0],
      ['2007-04-01', 1],
      ['2007-04-02', 1],
      ['2007-04-30', 1],
      ['2007-05-01', 2],
      ['2008-02-29', 11],
      ['2008-03-01', 12],
    ])('given entry on 2007-03-28, a step on %s is month %i', (on, month) => {
      const record = foldedRecord([enrolled, event.coachingHeld(on)]);
      expect(record.steps[1]).toMatchObject({ month, kind: 'COACHING_SESSION', detail: 'INDIVIDUAL' });
    });

    it('across a year end, the 31st of December to the 1st of January is one month', () => {
      expect(monthsBetween('2007-12-31', '2008-01-01')).toBe(1);
    });

    it('after a re-enrolment, months still count from the first enrolment and the entry date stays', () => {
      const record = foldedRecord([
        enrolled,
        event.exited('2007-06-10', 'DROPPED_OUT'),
        event.reEnrolled('2007-09-03', 'paris-pionnieres'),
        event.activityStarted('2007-10-01', 'INCUBATION'),
      ]);
      expect(record.entryDate).toBe('2007-03-28');
      expect(record.steps.map((s) => [s.month, s.kind])).toEqual([
        [0, 'ENROLLED'],
        [3, 'EXITED'],
        [6, 'RE_ENROLLED'],
        [7, 'ACTIVITY_STARTED'],
      ]);
    });

    it('an event recorded late keeps its recording place but takes the month of its own date', () => {
      const record = foldedRecord([
        enrolled,
        event.coachingHeld('2007-07-05'),
        event.referred('2007-04-20', 'anpe-gare-de-lyon'), // recorded after July, happened in April
      ]);
      expect(record.steps.slice(1)).toMatchObject([
        { month: 4, kind: 'COACHING_SESSION', detail: 'INDIVIDUAL' },
        { month: 1, kind: 'REFERRED', detail: 'anpe-gare-de-lyon' },
      ]);
    });
  });

  it('each step carries a coded detail, never a date or free text', () => {
    const record = foldedRecord([
      enrolled,
      event.coachingHeld('2007-04-02', { mode: 'GROUP', note: 'Talked about her daughter Léa' }),
      event.activityStarted('2007-04-10', 'IT_TRAINING', { provider: 'some-provider' }),
      event.activityCompleted('2007-05-10', 'IT_TRAINING', { result: 'ABANDONED' }),
      event.referred('2007-05-11', 'ddee'),
      event.jobStarted('2007-06-01', { contractType: 'TIME_SHARE', sector: 'J', weeklyHours: 20 }),
      event.selfEmploymentStarted('2007-06-15', { form: 'WAGE_PORTAGE' }),
      event.exited('2007-07-01', 'EMPLOYMENT'),
      event.followedUp('2008-01-02', { monthsAfterExit: 6, status: 'SELF_EMPLOYED' }),
      event.reEnrolled('2008-02-01', 'paris-tiers-secteur'),
    ]);
    expect(record.steps.map((s) => [s.kind, s.detail])).toEqual([
      ['ENROLLED', null],
      ['COACHING_SESSION', 'GROUP'],
      ['ACTIVITY_STARTED', 'IT_TRAINING'],
      ['ACTIVITY_COMPLETED', 'IT_TRAINING:ABANDONED'],
      ['REFERRED', 'ddee'],
      ['JOB_STARTED', 'TIME_SHARE'],
      ['SELF_EMPLOYMENT_STARTED', 'WAGE_PORTAGE'],
      ['EXITED', 'EMPLOYMENT'],
      ['FOLLOW_UP', '6m:SELF_EMPLOYED'],
      ['RE_ENROLLED', null],
    ]);
  });

  it('an erasure adds no step and leaves the coded journey as it was', () => {
    const before = foldedRecord([enrolled, event.coachingHeld('2007-04-02')]);
    expect(evolveLifePathRecord(before, event.erased('2007-05-01'), EXIT_CLASSES, 3)).toEqual(before);
  });

  it('folds events whose personal data and notes are sealed, without ever reading them', () => {
    const sealed = <E extends JourneyEvent>(e: E): E =>
      ({
        type: e.type,
        data: new Proxy(e.data, {
          get(target, field, receiver) {
            if (field === 'personal' || field === 'note') throw new Error(`read ${String(field)}`);
            return Reflect.get(target, field, receiver);
          },
          ownKeys: () => {
            throw new Error('enumerated the event data');
          },
        }),
      }) as E;
    const events = [
      event.enrolled({ occurredOn: '2007-03-28', personal: 'pd1:c2VhbGVk' as never, note: 'pd1:bm90ZQ==' }),
      event.coachingHeld('2007-04-02', { note: 'pd1:bm90ZQ==' }),
      event.exited('2007-05-02', 'TRAINING', { note: 'pd1:bm90ZQ==' }),
    ].map(sealed);
    const record = foldedRecord(events);
    expect(record.steps).toHaveLength(3);
    expect(JSON.stringify(record)).not.toContain('pd1:');
  });

  describe('outcome: the class of the latest exit, null while active', () => {
    it('is null while the first spell runs', () => {
      expect(foldedRecord([enrolled, event.jobStarted('2007-04-01')]).outcome).toBeNull();
    });

    it('follows the catalogue class of the exit reason', () => {
      expect(foldedRecord([enrolled, event.exited('2007-05-01', 'RELOCATION')]).outcome).toBe('NEUTRAL');
      expect(foldedRecord([enrolled, event.exited('2007-05-01', 'END_OF_PROGRAMME')]).outcome).toBe('NEGATIVE');
    });

    it('uses the configured classes, not built-in ones', () => {
      const trainingIsNeutral = { ...EXIT_CLASSES, TRAINING: 'NEUTRAL' } as const;
      expect(fold([enrolled, event.exited('2007-05-01', 'TRAINING')], trainingIsNeutral)?.outcome).toBe('NEUTRAL');
    });

    it('a follow-up after the exit keeps it', () => {
      const record = foldedRecord([
        enrolled,
        event.exited('2007-05-01', 'RETIREMENT'),
        event.followedUp('2007-11-01', { monthsAfterExit: 6, status: 'RETIRED' }),
      ]);
      expect(record.outcome).toBe('NEUTRAL');
    });

    it('a re-enrolment makes it null again and moves the record to the new programme', () => {
      const record = foldedRecord([
        enrolled,
        event.exited('2007-05-01', 'DROPPED_OUT'),
        event.reEnrolled('2007-09-03', 'paris-pionnieres'),
      ]);
      expect(record).toMatchObject({ outcome: null, programme: 'paris-pionnieres', city: 'paris' });
    });

    it('after a second spell, the latest exit decides', () => {
      const record = foldedRecord([
        enrolled,
        event.exited('2007-05-01', 'DROPPED_OUT'),
        event.reEnrolled('2007-09-03', 'paris-pionnieres'),
        event.selfEmploymentStarted('2007-12-01'),
        event.exited('2008-01-15', 'SELF_EMPLOYMENT'),
      ]);
      expect(record.outcome).toBe('POSITIVE');
    });
  });

  it('a replayed enrolment does not reset the record', () => {
    const record = foldedRecord([enrolled, event.coachingHeld('2007-04-02')]);
    expect(evolveLifePathRecord(record, enrolled, EXIT_CLASSES, 3)).toBe(record);
  });

  it('folding never changes the record it was given', () => {
    const record = foldedRecord([enrolled]);
    const copy = structuredClone(record);
    evolveLifePathRecord(record, event.exited('2007-05-01', 'EMPLOYMENT'), EXIT_CLASSES, 2);
    expect(record).toEqual(copy);
  });
});
