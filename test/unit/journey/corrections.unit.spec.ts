import type { JourneyEvent, MilestoneEvent } from '../../../src/journey/domain/events';
import { foldJourney } from '../../../src/journey/domain/journey';
import type { CorrectedField, CorrectedFields } from '../../../src/journey/domain/milestone-fields';
import type { MilestoneKind } from '../../../src/journey/domain/vocabulary';
import { given } from '../../support/decider-specification';
import { command, event } from './fixtures';

const enrolled = event.enrolled();
const profile = enrolled.data.profile;

// A milestone of every kind, under the sequence in the comment, with room around each date so
// that every correctable field can be changed within the rules.
const everyKind: JourneyEvent[] = [
  enrolled, // 1
  event.coachingHeld('2008-02-01'), // 2
  event.activityStarted('2008-02-01', 'IT_TRAINING'), // 3
  event.activityStarted('2008-02-01', 'JOB_CLUB'), // 4
  event.activityCompleted('2008-03-01', 'IT_TRAINING'), // 5
  event.referred('2008-02-10', 'ddee'), // 6
  event.jobStarted('2008-03-10'), // 7
  event.selfEmploymentStarted('2008-03-12'), // 8
  event.exited('2008-03-20', 'OTHER'), // 9
  event.followedUp('2008-04-20', { monthsAfterExit: 1 }), // 10
  event.reEnrolled('2008-05-01', 'paris-gatp'), // 11
];

type Correction = [field: CorrectedField, changes: CorrectedFields, as: MilestoneEvent];
type Kind = [name: string, sequence: number, kind: MilestoneKind, corrections: Correction[]];

const everyCorrectableField: Kind[] = [
  [
    'an enrolment',
    1,
    'ENROLLED',
    [
      ['occurredOn', { occurredOn: '2008-01-10' }, event.enrolled({ occurredOn: '2008-01-10' })],
      ['programme', { programme: 'paris-rmi' }, event.enrolled({ programme: 'paris-rmi' })],
      ['birthYear', { birthYear: 1955 }, event.enrolled({ profile: { ...profile, birthYear: 1955 } })],
      ['gender', { gender: 'OTHER' }, event.enrolled({ profile: { ...profile, gender: 'OTHER' } })],
      ['educationLevel', { educationLevel: 'ISCED_3_4' }, event.enrolled({ profile: { ...profile, educationLevel: 'ISCED_3_4' } })],
      ['positionLevel', { positionLevel: 'EXECUTIVE' }, event.enrolled({ profile: { ...profile, positionLevel: 'EXECUTIVE' } })],
      ['lastSector', { lastSector: 'C' }, event.enrolled({ profile: { ...profile, lastSector: 'C' } })],
      ['unemployedSince', { unemployedSince: null }, event.enrolled({ profile: { ...profile, unemployedSince: null } })],
      ['incomeSupport', { incomeSupport: 'MINIMUM_INCOME' }, event.enrolled({ profile: { ...profile, incomeSupport: 'MINIMUM_INCOME' } })],
    ],
  ],
  [
    'a coaching session',
    2,
    'COACHING_SESSION',
    [
      ['occurredOn', { occurredOn: '2008-02-05' }, event.coachingHeld('2008-02-05')],
      ['mode', { mode: 'GROUP' }, event.coachingHeld('2008-02-01', { mode: 'GROUP' })],
      ['durationMinutes', { durationMinutes: 90 }, event.coachingHeld('2008-02-01', { durationMinutes: 90 })],
    ],
  ],
  [
    "an activity's start",
    4,
    'ACTIVITY_STARTED',
    [
      ['occurredOn', { occurredOn: '2008-02-15' }, event.activityStarted('2008-02-15', 'JOB_CLUB')],
      ['activity', { activity: 'HEALTH_PROGRAMME' }, event.activityStarted('2008-02-01', 'HEALTH_PROGRAMME')],
      ['provider', { provider: 'astrolabe-conseil' }, event.activityStarted('2008-02-01', 'JOB_CLUB', { provider: 'astrolabe-conseil' })],
    ],
  ],
  [
    "an activity's completion",
    5,
    'ACTIVITY_COMPLETED',
    [
      ['occurredOn', { occurredOn: '2008-02-20' }, event.activityCompleted('2008-02-20', 'IT_TRAINING')],
      ['activity', { activity: 'JOB_CLUB' }, event.activityCompleted('2008-03-01', 'JOB_CLUB')],
      ['result', { result: 'ABANDONED' }, event.activityCompleted('2008-03-01', 'IT_TRAINING', { result: 'ABANDONED' })],
    ],
  ],
  [
    'a referral',
    6,
    'REFERRED',
    [
      ['occurredOn', { occurredOn: '2008-02-12' }, event.referred('2008-02-12', 'ddee')],
      ['partner', { partner: 'ffge' }, event.referred('2008-02-10', 'ffge')],
    ],
  ],
  [
    'a job',
    7,
    'JOB_STARTED',
    [
      ['occurredOn', { occurredOn: '2008-03-05' }, event.jobStarted('2008-03-05')],
      ['contractType', { contractType: 'SUBSIDISED' }, event.jobStarted('2008-03-10', { contractType: 'SUBSIDISED' })],
      ['employerType', { employerType: 'PUBLIC_SECTOR' }, event.jobStarted('2008-03-10', { employerType: 'PUBLIC_SECTOR' })],
      ['sector', { sector: 'Q' }, event.jobStarted('2008-03-10', { sector: 'Q' })],
      ['weeklyHours', { weeklyHours: null }, event.jobStarted('2008-03-10', { weeklyHours: null })],
    ],
  ],
  [
    'self-employment',
    8,
    'SELF_EMPLOYMENT_STARTED',
    [
      ['occurredOn', { occurredOn: '2008-03-15' }, event.selfEmploymentStarted('2008-03-15')],
      ['form', { form: 'COMPANY' }, event.selfEmploymentStarted('2008-03-12', { form: 'COMPANY' })],
      ['sector', { sector: 'J' }, event.selfEmploymentStarted('2008-03-12', { sector: 'J' })],
    ],
  ],
  [
    'an exit',
    9,
    'EXITED',
    [
      ['occurredOn', { occurredOn: '2008-03-25' }, event.exited('2008-03-25', 'OTHER')],
      ['exitReason', { exitReason: 'EMPLOYMENT' }, event.exited('2008-03-20', 'EMPLOYMENT')],
    ],
  ],
  [
    'a follow-up',
    10,
    'FOLLOW_UP',
    [
      ['occurredOn', { occurredOn: '2008-04-25' }, event.followedUp('2008-04-25', { monthsAfterExit: 1 })],
      ['monthsAfterExit', { monthsAfterExit: 2 }, event.followedUp('2008-04-20', { monthsAfterExit: 2 })],
      ['status', { status: 'UNEMPLOYED' }, event.followedUp('2008-04-20', { monthsAfterExit: 1, status: 'UNEMPLOYED' })],
    ],
  ],
  [
    'a re-enrolment',
    11,
    'RE_ENROLLED',
    [
      ['occurredOn', { occurredOn: '2008-05-10' }, event.reEnrolled('2008-05-10', 'paris-gatp')],
      ['programme', { programme: 'paris-rmi' }, event.reEnrolled('2008-05-01', 'paris-rmi')],
    ],
  ],
];

/** A value the GraphQL input may carry but the field's type does not allow. */
const nulled = (field: CorrectedField) => ({ [field]: null }) as CorrectedFields;

describe('correctMilestone', () => {
  describe.each(everyCorrectableField)('of %s', (_, sequence, kind, corrections) => {
    it.each(corrections)('records the milestone in full with its %s changed, dated today', (field, changes, as) => {
      given(everyKind).when(command.correct(sequence, changes)).then([event.corrected(sequence, kind, as, [field])]);
    });
  });

  it('lists as changed only the fields that differ from the milestone', () => {
    given(everyKind)
      .when(command.correct(7, { contractType: 'PERMANENT', sector: 'Q', weeklyHours: 35 }))
      .then([event.corrected(7, 'JOB_STARTED', event.jobStarted('2008-03-10', { sector: 'Q' }), ['sector'])]);
  });

  it('records the reason and the replacement note', () => {
    const over = { reason: 'Wrong form', note: 'Founded a company with two partners' };
    given(everyKind)
      .when(command.correct(8, { form: 'COMPANY' }, over))
      .then([event.corrected(8, 'SELF_EMPLOYMENT_STARTED', event.selfEmploymentStarted('2008-03-12', { form: 'COMPANY' }), ['form'], over)]);
  });

  it('accepts a new note alone, changing no value', () => {
    const note = 'Met in the group session';
    given(everyKind)
      .when(command.correct(2, {}, { note }))
      .then([event.corrected(2, 'COACHING_SESSION', event.coachingHeld('2008-02-01'), [], { note })]);
  });

  it("builds on the corrected values: a second correction's values include the first's changes", () => {
    const firstCorrected = event.corrected(7, 'JOB_STARTED', event.jobStarted('2008-03-10', { sector: 'Q' }), ['sector']);
    given([...everyKind, firstCorrected])
      .when(command.correct(7, { weeklyHours: 20 }))
      .then([event.corrected(7, 'JOB_STARTED', event.jobStarted('2008-03-10', { sector: 'Q', weeklyHours: 20 }), ['weeklyHours'])]);
  });

  it('judges what changed against the corrected milestone, not the original', () => {
    const firstCorrected = event.corrected(2, 'COACHING_SESSION', event.coachingHeld('2008-02-01', { mode: 'GROUP' }), ['mode']);
    given([...everyKind, firstCorrected]).when(command.correct(2, { mode: 'GROUP' })).thenThrowsInvalidInput('sequence');
    given([...everyKind, firstCorrected])
      .when(command.correct(2, { mode: 'INDIVIDUAL' }))
      .then([event.corrected(2, 'COACHING_SESSION', event.coachingHeld('2008-02-01'), ['mode'])]);
  });

  describe('fields (BAD_USER_INPUT)', () => {
    it('refuses a field of another kind of milestone, naming it', () => {
      given(everyKind).when(command.correct(2, { partner: 'ffge' })).thenThrowsInvalidInput('partner');
      given(everyKind).when(command.correct(1, { exitReason: 'EMPLOYMENT' })).thenThrowsInvalidInput('exitReason');
    });

    it("refuses the enrolment's city, even unchanged: a move is an exit and a new enrolment", () => {
      given(everyKind).when(command.correct(1, { city: 'frankfurt' })).thenThrowsInvalidInput('city');
      given(everyKind).when(command.correct(1, { city: 'paris' })).thenThrowsInvalidInput('city');
    });

    it.each<[number, CorrectedField]>([
      [2, 'occurredOn'],
      [2, 'mode'],
      [1, 'programme'],
      [1, 'birthYear'],
      [6, 'partner'],
      [9, 'exitReason'],
      [10, 'monthsAfterExit'],
    ])('refuses null for a field that must hold a value (sequence %i, %s)', (sequence, field) => {
      given(everyKind).when(command.correct(sequence, nulled(field))).thenThrowsInvalidInput(field);
    });

    it('accepts null for a field that may be empty', () => {
      const withProvider = event.activityStarted('2008-02-01', 'JOB_CLUB', { provider: 'astrolabe-conseil' });
      given([...everyKind.slice(0, 3), withProvider, ...everyKind.slice(4)])
        .when(command.correct(4, { provider: null }))
        .then([event.corrected(4, 'ACTIVITY_STARTED', event.activityStarted('2008-02-01', 'JOB_CLUB'), ['provider'])]);
    });

    it("refuses a correction that changes nothing and gives no note, naming the milestone's sequence", () => {
      given(everyKind).when(command.correct(2, {})).thenThrowsInvalidInput('sequence');
      given(everyKind).when(command.correct(2, { occurredOn: '2008-02-01', mode: 'INDIVIDUAL' })).thenThrowsInvalidInput('sequence');
    });

    it('refuses a programme of another city', () => {
      given(everyKind).when(command.correct(1, { programme: 'frankfurt-kompass' })).thenThrowsInvalidInput('programme');
      given(everyKind).when(command.correct(11, { programme: 'frankfurt-kompass' })).thenThrowsInvalidInput('programme');
    });

    it("refuses a partner or provider outside the city's catalogue", () => {
      given(everyKind).when(command.correct(6, { partner: 'agentur-fuer-arbeit' })).thenThrowsInvalidInput('partner');
      given(everyKind).when(command.correct(4, { provider: 'kompass' })).thenThrowsInvalidInput('provider');
    });

    it.each([1929, 1969])('refuses birth year %i in 2008', (birthYear) => {
      given(everyKind).when(command.correct(1, { birthYear })).thenThrowsInvalidInput('birthYear');
    });

    it('refuses unemployedSince after the enrolment date', () => {
      given(everyKind).when(command.correct(1, { unemployedSince: '2008-01-15' })).thenThrowsInvalidInput('unemployedSince');
    });

    it('refuses moving the enrolment before the day the participant became unemployed', () => {
      given(everyKind).when(command.correct(1, { occurredOn: '2007-08-31' })).thenThrowsInvalidInput('unemployedSince');
    });
  });

  describe('sequence (BAD_USER_INPUT)', () => {
    it('refuses a sequence the stream does not have', () => {
      given(everyKind).when(command.correct(12, { mode: 'GROUP' })).thenThrowsInvalidInput('sequence');
      given(everyKind).when(command.correct(0, { mode: 'GROUP' })).thenThrowsInvalidInput('sequence');
    });

    it('refuses the sequence of a correction, a note or new personal details: they are no milestones', () => {
      const amended = [
        enrolled,
        event.coachingHeld('2008-02-01'),
        event.corrected(2, 'COACHING_SESSION', event.coachingHeld('2008-02-01', { mode: 'GROUP' }), ['mode']), // 3
        event.noteAdded('2008-02-02'), // 4
        event.personalDetailsChanged('2008-02-03'), // 5
      ];
      given(amended).when(command.correct(3, { mode: 'INDIVIDUAL' })).thenThrowsInvalidInput('sequence');
      given(amended).when(command.correct(4, { occurredOn: '2008-02-03' })).thenThrowsInvalidInput('sequence');
      given(amended).when(command.correct(5, { occurredOn: '2008-02-04' })).thenThrowsInvalidInput('sequence');
    });

    it("refuses an erasure's sequence", () => {
      given([enrolled, event.erased('2008-05-02')]).when(command.correct(2, { occurredOn: '2008-05-01' })).thenThrowsInvalidInput('sequence');
    });
  });

  describe('ERASED', () => {
    const erased = [...everyKind, event.erased('2008-06-01')];

    it('refuses a replacement note once the personal data is erased', () => {
      given(erased).when(command.correct(2, { mode: 'GROUP' }, { note: 'Met in the group session' })).thenThrows('ERASED');
    });

    it('accepts correcting values without a note after erasure', () => {
      given(erased)
        .when(command.correct(2, { mode: 'GROUP' }))
        .then([event.corrected(2, 'COACHING_SESSION', event.coachingHeld('2008-02-01', { mode: 'GROUP' }), ['mode'])]);
    });
  });

  describe('MILESTONE_VOIDED', () => {
    it('refuses correcting a voided milestone', () => {
      given([...everyKind, event.voided(2)]).when(command.correct(2, { mode: 'GROUP' })).thenThrows('MILESTONE_VOIDED');
    });
  });

  describe('refused with the rule the corrected journey would break', () => {
    const employed = [enrolled, event.jobStarted('2008-02-15'), event.exited('2008-03-01', 'EMPLOYMENT')];

    describe('DATE_BEFORE_LAST_MILESTONE', () => {
      it('refuses moving a job after the EMPLOYMENT exit it led to', () => {
        given(employed).when(command.correct(2, { occurredOn: '2008-03-02' })).thenThrows('DATE_BEFORE_LAST_MILESTONE');
      });

      it("accepts moving it to the exit's day", () => {
        given(employed)
          .when(command.correct(2, { occurredOn: '2008-03-01' }))
          .then([event.corrected(2, 'JOB_STARTED', event.jobStarted('2008-03-01'), ['occurredOn'])]);
      });

      it('refuses moving an exit before a milestone of its spell', () => {
        given(everyKind).when(command.correct(9, { occurredOn: '2008-03-11' })).thenThrows('DATE_BEFORE_LAST_MILESTONE');
      });
    });

    describe('EXIT_WITHOUT_OUTCOME', () => {
      it('refuses changing the exit reason to SELF_EMPLOYMENT in a spell without self-employment', () => {
        given(employed).when(command.correct(3, { exitReason: 'SELF_EMPLOYMENT' })).thenThrows('EXIT_WITHOUT_OUTCOME');
      });

      it('accepts it in a spell with self-employment', () => {
        given(everyKind)
          .when(command.correct(9, { exitReason: 'SELF_EMPLOYMENT' }))
          .then([event.corrected(9, 'EXITED', event.exited('2008-03-20', 'SELF_EMPLOYMENT'), ['exitReason'])]);
      });
    });

    describe('DATE_BEFORE_ENROLMENT', () => {
      it('refuses moving a coaching session before the enrolment', () => {
        given(everyKind).when(command.correct(2, { occurredOn: '2008-01-13' })).thenThrows('DATE_BEFORE_ENROLMENT');
      });

      it('refuses moving the enrolment after a milestone', () => {
        given(everyKind).when(command.correct(1, { occurredOn: '2008-02-02' })).thenThrows('DATE_BEFORE_ENROLMENT');
      });

      it('refuses moving a re-enrolment after a milestone of its spell', () => {
        given([...everyKind, event.coachingHeld('2008-05-05')])
          .when(command.correct(11, { occurredOn: '2008-05-06' }))
          .thenThrows('DATE_BEFORE_ENROLMENT');
      });
    });

    describe('DATE_IN_FUTURE', () => {
      it('refuses moving a coaching session after today', () => {
        given(everyKind).when(command.correct(2, { occurredOn: '2008-07-01' })).thenThrows('DATE_IN_FUTURE');
      });

      it('refuses moving the enrolment after today', () => {
        given([enrolled]).when(command.correct(1, { occurredOn: '2008-07-01' })).thenThrows('DATE_IN_FUTURE');
      });
    });

    describe('DATE_BEFORE_ACTIVITY_START', () => {
      it("refuses moving an activity's completion before its start", () => {
        given(everyKind).when(command.correct(5, { occurredOn: '2008-01-31' })).thenThrows('DATE_BEFORE_ACTIVITY_START');
      });

      it("refuses moving an activity's start after its completion", () => {
        given(everyKind).when(command.correct(3, { occurredOn: '2008-03-02' })).thenThrows('DATE_BEFORE_ACTIVITY_START');
      });
    });

    describe('ACTIVITY_NOT_STARTED', () => {
      it("refuses changing a completed activity's kind to one never started", () => {
        given(everyKind).when(command.correct(5, { activity: 'INCUBATION' })).thenThrows('ACTIVITY_NOT_STARTED');
      });

      it("refuses changing a started activity's kind when its completion names the old kind", () => {
        given(everyKind).when(command.correct(3, { activity: 'INCUBATION' })).thenThrows('ACTIVITY_NOT_STARTED');
      });
    });

    describe('ACTIVITY_ALREADY_STARTED', () => {
      it("refuses changing a started activity's kind to one already running", () => {
        given(everyKind).when(command.correct(4, { activity: 'IT_TRAINING' })).thenThrows('ACTIVITY_ALREADY_STARTED');
      });
    });

    describe('FOLLOW_UP_OUT_OF_WINDOW', () => {
      it("refuses a follow-up's monthsAfterExit that its date no longer fits", () => {
        given(everyKind).when(command.correct(10, { monthsAfterExit: 3 })).thenThrows('FOLLOW_UP_OUT_OF_WINDOW');
      });

      it('refuses moving the exit so that a follow-up falls outside its window', () => {
        const followedUp = [enrolled, event.exited('2008-03-01'), event.followedUp('2008-04-01', { monthsAfterExit: 1 })];
        given(followedUp).when(command.correct(2, { occurredOn: '2008-01-20' })).thenThrows('FOLLOW_UP_OUT_OF_WINDOW');
      });
    });

    describe('FOLLOW_UP_BEFORE_EXIT', () => {
      it('refuses moving a follow-up before the exit', () => {
        given(everyKind).when(command.correct(10, { occurredOn: '2008-03-19' })).thenThrows('FOLLOW_UP_BEFORE_EXIT');
      });
    });

    describe('DATE_BEFORE_EXIT', () => {
      it('refuses moving a re-enrolment before the exit', () => {
        given(everyKind).when(command.correct(11, { occurredOn: '2008-03-19' })).thenThrows('DATE_BEFORE_EXIT');
      });

      it("accepts moving it to the exit's day", () => {
        given(everyKind)
          .when(command.correct(11, { occurredOn: '2008-03-20' }))
          .then([event.corrected(11, 'RE_ENROLLED', event.reEnrolled('2008-03-20', 'paris-gatp'), ['occurredOn'])]);
      });
    });
  });
});

describe('voidMilestone', () => {
  it('takes an ordinary milestone out of the journey, dated today', () => {
    given(everyKind).when(command.voidMilestone(2)).then([event.voided(2)]);
  });

  it('records the reason given', () => {
    given(everyKind).when(command.voidMilestone(6, 'Referral never sent')).then([event.voided(6, { reason: 'Referral never sent' })]);
  });

  describe('sequence (BAD_USER_INPUT)', () => {
    it('refuses the enrolment: it is corrected instead', () => {
      given(everyKind).when(command.voidMilestone(1)).thenThrowsInvalidInput('sequence');
    });

    it('refuses an erasure', () => {
      given([enrolled, event.erased('2008-05-02')]).when(command.voidMilestone(2)).thenThrowsInvalidInput('sequence');
    });

    it('refuses a sequence the stream does not have, or that of a void', () => {
      given(everyKind).when(command.voidMilestone(12)).thenThrowsInvalidInput('sequence');
      given([...everyKind, event.voided(2)]).when(command.voidMilestone(12)).thenThrowsInvalidInput('sequence');
    });
  });

  it('refuses a milestone already voided (MILESTONE_VOIDED)', () => {
    given([...everyKind, event.voided(2)]).when(command.voidMilestone(2)).thenThrows('MILESTONE_VOIDED');
  });

  describe('refused with the rule the journey would break without the milestone', () => {
    it('refuses voiding the job an EMPLOYMENT exit rests on (EXIT_WITHOUT_OUTCOME)', () => {
      given([enrolled, event.jobStarted('2008-02-15'), event.exited('2008-03-01', 'EMPLOYMENT')])
        .when(command.voidMilestone(2))
        .thenThrows('EXIT_WITHOUT_OUTCOME');
    });

    it('accepts voiding one of two jobs an EMPLOYMENT exit could rest on', () => {
      given([enrolled, event.jobStarted('2008-02-15'), event.jobStarted('2008-02-20'), event.exited('2008-03-01', 'EMPLOYMENT')])
        .when(command.voidMilestone(2))
        .then([event.voided(2)]);
    });

    it("refuses voiding an activity's start while its completion stands (ACTIVITY_NOT_STARTED)", () => {
      given(everyKind).when(command.voidMilestone(3)).thenThrows('ACTIVITY_NOT_STARTED');
    });

    it('accepts voiding the completion, then the start', () => {
      given(everyKind).when(command.voidMilestone(5)).then([event.voided(5)]);
      given([...everyKind, event.voided(5)]).when(command.voidMilestone(3)).then([event.voided(3)]);
    });

    it('refuses voiding the exit a follow-up follows (FOLLOW_UP_BEFORE_EXIT)', () => {
      given([enrolled, event.exited('2008-03-01'), event.followedUp('2008-04-01')]).when(command.voidMilestone(2)).thenThrows('FOLLOW_UP_BEFORE_EXIT');
    });

    it('refuses voiding the exit a re-enrolment follows (NOT_EXITED)', () => {
      given([enrolled, event.exited('2008-03-01'), event.reEnrolled('2008-04-01', 'paris-gatp')])
        .when(command.voidMilestone(2))
        .thenThrows('NOT_EXITED');
    });
  });

  describe('the journey without the voided milestone', () => {
    it('is active again once its exit is voided', () => {
      const exitVoided = [enrolled, event.exited('2008-03-01'), event.voided(2)];
      given(exitVoided).when(command.coaching('2008-04-01')).then([event.coachingHeld('2008-04-01')]);
      given([enrolled, event.exited('2008-03-01')]).when(command.coaching('2008-04-01')).thenThrows('NOT_ACTIVE');
    });

    it("moves the spell's first job to the next one once the first is voided", () => {
      const twoJobs = [enrolled, event.jobStarted('2008-02-15'), event.jobStarted('2008-03-10')];
      expect(foldJourney(twoJobs).state).toMatchObject({ firstJobThisSpell: '2008-02-15' });
      expect(foldJourney([...twoJobs, event.voided(2)]).state).toMatchObject({ firstJobThisSpell: '2008-03-10' });
    });

    it('no longer holds an exit to a voided milestone of its spell', () => {
      const lateCoaching = [enrolled, event.coachingHeld('2008-03-10'), event.voided(2)];
      given(lateCoaching).when(command.exit('2008-03-01')).then([event.exited('2008-03-01')]);
    });
  });
});
