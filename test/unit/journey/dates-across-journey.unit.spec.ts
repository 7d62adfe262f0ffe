import type { JourneyEvent } from '../../../src/journey/domain/events';
import { addMonths } from '../../../src/journey/domain/milestone-rules';
import { given } from '../../support/decider-specification';
import { command, event } from './fixtures';

const enrolled = event.enrolled();

describe('DATE_BEFORE_LAST_MILESTONE: an exit is not dated before a milestone of its spell', () => {
  const LATEST = '2008-03-10';
  const latest: [name: string, milestones: JourneyEvent[]][] = [
    ['a coaching session', [event.coachingHeld(LATEST)]],
    ["an activity's start", [event.activityStarted(LATEST)]],
    ["an activity's completion", [event.activityStarted('2008-02-01'), event.activityCompleted(LATEST)]],
    ['a referral', [event.referred(LATEST)]],
    ['a job', [event.jobStarted(LATEST)]],
    ['self-employment', [event.selfEmploymentStarted(LATEST)]],
  ];

  it.each(latest)('refuses an exit the day before %s', (_, milestones) => {
    given([enrolled, ...milestones]).when(command.exit('2008-03-09')).thenThrows('DATE_BEFORE_LAST_MILESTONE');
  });

  it.each(latest)('accepts an exit on the day of %s', (_, milestones) => {
    given([enrolled, ...milestones]).when(command.exit(LATEST)).then([event.exited(LATEST)]);
  });

  it('goes by the latest date, not the last milestone recorded', () => {
    const recordedLate = [enrolled, event.coachingHeld(LATEST), event.coachingHeld('2008-02-01')];
    given(recordedLate).when(command.exit('2008-03-09')).thenThrows('DATE_BEFORE_LAST_MILESTONE');
  });

  // Every other milestone of an earlier spell is on or before its exit, so before the re-enrolment:
  // only a follow-up of that exit can be dated within the new spell.
  it('does not count a milestone of an earlier spell: a follow-up of the previous exit, dated after the re-enrolment', () => {
    const followedUpThenReEnrolled = [
      enrolled,
      event.exited('2008-03-01'),
      event.followedUp('2008-04-01', { monthsAfterExit: 1 }),
      event.reEnrolled('2008-03-15', 'paris-gatp'),
    ];
    given(followedUpThenReEnrolled).when(command.exit('2008-03-20')).then([event.exited('2008-03-20')]);
  });

  it('does not count the erasure, dated the day the service recorded it', () => {
    given([enrolled, event.coachingHeld('2008-02-01'), event.erased('2008-05-02')])
      .when(command.exit('2008-03-01'))
      .then([event.exited('2008-03-01')]);
  });
});

describe('FOLLOW_UP_OUT_OF_WINDOW: a follow-up is dated within a month of exit + monthsAfterExit months', () => {
  const exitedOn1March = [enrolled, event.exited('2008-03-01')];

  it('refuses a follow-up 36 months after the exit dated 15 days after it', () => {
    given(exitedOn1March).when(command.followUp('2008-03-16', { monthsAfterExit: 36 })).thenThrows('FOLLOW_UP_OUT_OF_WINDOW');
  });

  describe('2 months after an exit on 1 March 2008: from 1 April to 1 June', () => {
    it.each(['2008-04-01', '2008-05-01', '2008-06-01'])('accepts %s', (on) => {
      given(exitedOn1March).when(command.followUp(on, { monthsAfterExit: 2 })).then([event.followedUp(on, { monthsAfterExit: 2 })]);
    });

    it.each(['2008-03-31', '2008-06-02'])('refuses %s', (on) => {
      given(exitedOn1March).when(command.followUp(on, { monthsAfterExit: 2 })).thenThrows('FOLLOW_UP_OUT_OF_WINDOW');
    });
  });

  describe('36 months after an exit on 1 March 2008: from 1 February to 1 April 2011', () => {
    const in2011 = given(exitedOn1March).asOf('2011-06-30');

    it.each(['2011-02-01', '2011-04-01'])('accepts %s', (on) => {
      in2011.when(command.followUp(on, { monthsAfterExit: 36 })).then([event.followedUp(on, { monthsAfterExit: 36 })]);
    });

    it.each(['2011-01-31', '2011-04-02'])('refuses %s', (on) => {
      in2011.when(command.followUp(on, { monthsAfterExit: 36 })).thenThrows('FOLLOW_UP_OUT_OF_WINDOW');
    });
  });

  describe('at the end of a month: an exit on 31 January 2008', () => {
    const exitedOn31January = [enrolled, event.exited('2008-01-31')];

    it('is due on 29 February a month later, so the window ends on 29 March', () => {
      given(exitedOn31January).when(command.followUp('2008-03-29')).then([event.followedUp('2008-03-29')]);
      given(exitedOn31January).when(command.followUp('2008-03-30')).thenThrows('FOLLOW_UP_OUT_OF_WINDOW');
    });

    it('is due on 31 March two months later, so the window starts on 29 February', () => {
      given(exitedOn31January)
        .when(command.followUp('2008-02-29', { monthsAfterExit: 2 }))
        .then([event.followedUp('2008-02-29', { monthsAfterExit: 2 })]);
      given(exitedOn31January).when(command.followUp('2008-02-28', { monthsAfterExit: 2 })).thenThrows('FOLLOW_UP_OUT_OF_WINDOW');
    });
  });
});

describe("DATE_BEFORE_ACTIVITY_START: an activity's completion is not dated before its start", () => {
  const started = [enrolled, event.activityStarted('2008-02-10', 'JOB_CLUB')];

  it('refuses a completion the day before the start', () => {
    given(started).when(command.completeActivity('2008-02-09', 'JOB_CLUB')).thenThrows('DATE_BEFORE_ACTIVITY_START');
  });

  it('accepts a completion on the day of the start', () => {
    given(started).when(command.completeActivity('2008-02-10', 'JOB_CLUB')).then([event.activityCompleted('2008-02-10', 'JOB_CLUB')]);
  });

  it('goes by the start of the run being completed, not an earlier run of the same activity', () => {
    const startedAgain = [...started, event.activityCompleted('2008-02-20', 'JOB_CLUB'), event.activityStarted('2008-03-01', 'JOB_CLUB')];
    given(startedAgain).when(command.completeActivity('2008-02-25', 'JOB_CLUB')).thenThrows('DATE_BEFORE_ACTIVITY_START');
  });
});

describe('addMonths: the same day of the month, or the last day of a shorter month', () => {
  it.each([
    ['2008-03-01', 0, '2008-03-01'],
    ['2008-03-01', 36, '2011-03-01'],
    ['2008-11-15', 2, '2009-01-15'],
    ['2008-01-15', -1, '2007-12-15'],
    ['2008-01-31', 1, '2008-02-29'],
    ['2007-01-31', 1, '2007-02-28'],
    ['2008-03-31', -1, '2008-02-29'],
    ['2008-05-31', 1, '2008-06-30'],
    ['2008-02-29', 12, '2009-02-28'],
    ['2008-02-29', 1, '2008-03-29'],
  ])('%s + %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
