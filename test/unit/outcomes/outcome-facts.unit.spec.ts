import { evolveOutcomeFacts, FACT_EVENT_TYPES, factsKnownIn, mayChangeFacts, outcomeFactOf, supersededFacts } from '../../../src/outcomes/outcome-facts';
import { event } from '../journey/fixtures';
import { CHANTAL, factsOf } from './paris-cohort';

describe('outcome facts: what of a journey the figures depend on', () => {
  it('an enrolment and a re-enrolment both open a spell in their programme', () => {
    expect(outcomeFactOf(event.enrolled({ occurredOn: '2007-02-01', programme: 'paris-gatp' }))).toEqual({
      kind: 'ENROLLED',
      on: '2007-02-01',
      programme: 'paris-gatp',
    });
    expect(outcomeFactOf(event.reEnrolled('2007-05-01', 'paris-pionnieres'))).toEqual({
      kind: 'ENROLLED',
      on: '2007-05-01',
      programme: 'paris-pionnieres',
    });
  });

  it('a job keeps its contract type, an exit its reason, a follow-up its months and status', () => {
    expect(outcomeFactOf(event.jobStarted('2007-04-15', { contractType: 'TIME_SHARE' }))).toEqual({
      kind: 'JOB',
      on: '2007-04-15',
      contractType: 'TIME_SHARE',
    });
    expect(outcomeFactOf(event.selfEmploymentStarted('2007-07-30'))).toEqual({ kind: 'SELF_EMPLOYMENT', on: '2007-07-30' });
    expect(outcomeFactOf(event.exited('2007-08-31', 'RELOCATION'))).toEqual({
      kind: 'EXITED',
      on: '2007-08-31',
      reason: 'RELOCATION',
    });
    expect(outcomeFactOf(event.followedUp('2008-02-29', { monthsAfterExit: 6, status: 'RETIRED' }))).toEqual({
      kind: 'FOLLOW_UP',
      on: '2008-02-29',
      monthsAfterExit: 6,
      status: 'RETIRED',
    });
  });

  it('coaching, activities, referrals and erasure count in no figure', () => {
    for (const e of [
      event.coachingHeld('2007-03-01'),
      event.activityStarted('2007-03-01'),
      event.activityCompleted('2007-03-02'),
      event.referred('2007-03-03'),
      event.erased('2007-03-04'),
    ]) {
      expect(outcomeFactOf(e)).toBeNull();
    }
  });

  it('a participant keeps its city and its facts in recording order', () => {
    expect(factsOf(CHANTAL)).toEqual({
      city: 'paris',
      facts: [
        { kind: 'ENROLLED', on: '2007-02-01', programme: 'paris-gatp' },
        { kind: 'EXITED', on: '2007-04-02', reason: 'DROPPED_OUT' },
        { kind: 'ENROLLED', on: '2007-05-01', programme: 'paris-pionnieres' },
        { kind: 'SELF_EMPLOYMENT', on: '2007-07-30' },
        { kind: 'EXITED', on: '2007-08-31', reason: 'SELF_EMPLOYMENT' },
        { kind: 'FOLLOW_UP', on: '2008-02-29', monthsAfterExit: 6, status: 'UNEMPLOYED' },
      ],
    });
  });
});

describe('the events that may change facts', () => {
  it('are those with a fact, corrections and voids: the types the outcomes projection names, and no other', () => {
    const on = '2007-03-01';
    const journey = [
      event.enrolled(),
      event.reEnrolled(on, 'paris-gatp'),
      event.coachingHeld(on),
      event.activityStarted(on),
      event.activityCompleted(on),
      event.referred(on),
      event.jobStarted(on),
      event.selfEmploymentStarted(on),
      event.exited(on),
      event.followedUp(on),
      event.erased(on),
      event.corrected(2, 'JOB_STARTED', event.jobStarted(on), ['occurredOn']),
      event.voided(2),
      event.personalDetailsChanged(on),
      event.noteAdded(on),
    ];

    for (const e of journey) {
      const changing = e.type === 'MilestoneCorrected' || e.type === 'MilestoneVoided' || outcomeFactOf(e) !== null;
      expect({ type: e.type, may: mayChangeFacts(e) }).toEqual({ type: e.type, may: changing });
    }
    expect(new Set(journey.filter(mayChangeFacts).map((e) => e.type))).toEqual(FACT_EVENT_TYPES);
  });
});

describe('stored outcome facts, as events fold into them', () => {
  const at = (position: number) => ({ position: String(position), recordedAt: `2008-01-0${position}T09:00:00.000Z`, month: '2008-01' });
  const enrolled = evolveOutcomeFacts([], event.enrolled({ occurredOn: '2007-02-01' }), 1, at(1))!;
  const employed = evolveOutcomeFacts(enrolled, event.jobStarted('2007-03-01', { contractType: 'TIME_SHARE' }), 2, at(2))!;

  it('a milestone adds its fact under its sequence, stamped with its event', () => {
    expect(employed.at(-1)).toEqual({ kind: 'JOB', on: '2007-03-01', contractType: 'TIME_SHARE', seq: 2, ...at(2) });
  });

  it("a correction replaces its milestone's fact in place, stamped with the correction", () => {
    const corrected = event.corrected(2, 'JOB_STARTED', event.jobStarted('2007-04-01', { contractType: 'PERMANENT' }), ['occurredOn', 'contractType']);
    expect(evolveOutcomeFacts(employed, corrected, 3, at(3))).toEqual([
      enrolled[0],
      { kind: 'JOB', on: '2007-04-01', contractType: 'PERMANENT', seq: 2, ...at(3) },
    ]);
  });

  it("a void removes its milestone's fact", () => {
    expect(evolveOutcomeFacts(employed, event.voided(2), 3, at(3))).toEqual(enrolled);
  });

  it('changes nothing for an amendment of a milestone no figure counts, a note or new personal details', () => {
    for (const e of [event.voided(5), event.noteAdded('2007-03-02'), event.personalDetailsChanged('2007-03-02'), event.coachingHeld('2007-03-02')]) {
      expect(evolveOutcomeFacts(employed, e, 3, at(3))).toBeNull();
    }
  });
});

describe("facts as they stood at a month's end (researchers' month ends)", () => {
  // Each fact counts in the log's month it was folded in: here, the month it was recorded in.
  const stamp = (position: number, recordedAt: string) => ({ position: String(position), recordedAt, month: recordedAt.slice(0, 7) });
  const enrolled = evolveOutcomeFacts([], event.enrolled({ occurredOn: '2007-02-01' }), 1, stamp(1, '2007-02-01T09:00:00Z'))!;
  const employed = evolveOutcomeFacts(enrolled, event.jobStarted('2007-03-01', { contractType: 'TIME_SHARE' }), 2, stamp(2, '2007-03-01T09:00:00Z'))!;
  // Corrected in April, voided in June.
  const correction = event.corrected(2, 'JOB_STARTED', event.jobStarted('2007-03-01', { contractType: 'PERMANENT' }), ['contractType']);
  const corrected = evolveOutcomeFacts(employed, correction, 3, stamp(3, '2007-04-10T09:00:00Z'))!;
  const voided = evolveOutcomeFacts(corrected, event.voided(2), 4, stamp(4, '2007-06-10T09:00:00Z'))!;
  const superseded = [
    ...supersededFacts(employed, corrected, '2007-04'),
    ...supersededFacts(corrected, voided, '2007-06'),
  ];

  it("keeps what a correction or void replaced, with the log's month it was replaced in", () => {
    expect(superseded.map((f) => [f.seq, f.position, f.supersededIn])).toEqual([
      [2, '2', '2007-04'],
      [2, '3', '2007-06'],
    ]);
    expect(supersededFacts(enrolled, employed, '2007-03')).toEqual([]);
  });

  it("gives each month the facts of its log month or before and not yet replaced then, in stream order", () => {
    const contract = (month: string) => factsKnownIn(voided, superseded, month).map((f) => (f.kind === 'JOB' ? f.contractType : f.kind));
    expect(contract('2007-01')).toEqual([]);
    expect(contract('2007-02')).toEqual(['ENROLLED']);
    expect(contract('2007-03')).toEqual(['ENROLLED', 'TIME_SHARE']);
    expect(contract('2007-05')).toEqual(['ENROLLED', 'PERMANENT']);
    expect(contract('2007-06')).toEqual(['ENROLLED']);
  });
});
