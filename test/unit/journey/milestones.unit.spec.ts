import type { JourneyCommand } from '../../../src/journey/domain/commands';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import type { CalendarDate } from '../../../src/journey/domain/vocabulary';
import { monthsBetween } from '../../../src/life-paths/life-path-record';
import { TODAY, given } from '../../support/decider-specification';
import { ENROLLED_ON, command, event } from './fixtures';

// The rules every dated milestone shares, checked on each kind so none is forgotten.
type Milestone = [name: string, (on: CalendarDate) => JourneyCommand, (on: CalendarDate) => JourneyEvent];

const runningSinceEnrolment = event.activityStarted(ENROLLED_ON, 'IT_TRAINING');
const activeJourney = [event.enrolled(), runningSinceEnrolment];
const EXITED_ON = '2008-03-01';
const exitedJourney = [...activeJourney, event.exited(EXITED_ON)];
/** A follow-up as many months after the exit as its date says, so that only the rule under test can refuse it. */
const monthsAfterExitOn = (on: CalendarDate) => ({ monthsAfterExit: Math.max(1, monthsBetween(EXITED_ON, on)) });

const whileActive: Milestone[] = [
  ['a coaching session', (on) => command.coaching(on), (on) => event.coachingHeld(on)],
  ['the start of an activity', (on) => command.startActivity(on, 'JOB_CLUB'), (on) => event.activityStarted(on, 'JOB_CLUB')],
  ['the end of an activity', (on) => command.completeActivity(on), (on) => event.activityCompleted(on)],
  ['a referral', (on) => command.refer(on), (on) => event.referred(on)],
  ['a job', (on) => command.startJob(on), (on) => event.jobStarted(on)],
  ['self-employment', (on) => command.startSelfEmployment(on), (on) => event.selfEmploymentStarted(on)],
  ['an exit', (on) => command.exit(on), (on) => event.exited(on)],
];
const afterExit: Milestone[] = [
  ['a follow-up', (on) => command.followUp(on, monthsAfterExitOn(on)), (on) => event.followedUp(on, monthsAfterExitOn(on))],
  ['a re-enrolment', (on) => command.reEnrol(on), (on) => event.reEnrolled(on, 'paris-gatp')],
];
const historyFor = (name: string) => (afterExit.some(([n]) => n === name) ? exitedJourney : activeJourney);
const everyMilestone = [...whileActive, ...afterExit];

describe('NOT_ENROLLED', () => {
  it.each(everyMilestone)('refuses %s before the enrolment', (_, milestone) => {
    given([]).when(milestone('2008-02-01')).thenThrows('NOT_ENROLLED');
  });

  it('refuses an erasure before the enrolment', () => {
    given([]).when(command.erase()).thenThrows('NOT_ENROLLED');
  });

  it.each(everyMilestone)('accepts %s once enrolled', (name, milestone, recorded) => {
    given(historyFor(name)).when(milestone('2008-04-01')).then([recorded('2008-04-01')]);
  });
});

describe('DATE_IN_FUTURE', () => {
  it.each(everyMilestone)('accepts %s dated today', (name, milestone, recorded) => {
    given(historyFor(name)).when(milestone(TODAY)).then([recorded(TODAY)]);
  });

  it.each(everyMilestone)('refuses %s dated tomorrow', (name, milestone) => {
    given(historyFor(name)).when(milestone('2008-07-01')).thenThrows('DATE_IN_FUTURE');
  });
});

describe('DATE_BEFORE_ENROLMENT', () => {
  it.each(whileActive)('accepts %s dated on the enrolment day', (_, milestone, recorded) => {
    given(activeJourney).when(milestone(ENROLLED_ON)).then([recorded(ENROLLED_ON)]);
  });

  it.each(everyMilestone)('refuses %s dated the day before the enrolment', (name, milestone) => {
    given(historyFor(name)).when(milestone('2008-01-13')).thenThrows('DATE_BEFORE_ENROLMENT');
  });

  describe('after a re-enrolment, the latest enrolment counts', () => {
    const reEnrolled = [event.enrolled(), event.exited(EXITED_ON), event.reEnrolled('2008-04-01', 'paris-gatp')];

    it('accepts a milestone dated on the re-enrolment day', () => {
      given(reEnrolled).when(command.coaching('2008-04-01')).then([event.coachingHeld('2008-04-01')]);
    });

    it('refuses a milestone dated in the previous spell', () => {
      given(reEnrolled).when(command.coaching('2008-02-01')).thenThrows('DATE_BEFORE_ENROLMENT');
    });
  });
});

describe('NOT_ACTIVE', () => {
  it.each(whileActive)('accepts %s while the participant is active', (_, milestone, recorded) => {
    given(activeJourney).when(milestone('2008-04-01')).then([recorded('2008-04-01')]);
  });

  it.each(whileActive)('refuses %s after the exit', (_, milestone) => {
    given(exitedJourney).when(milestone('2008-04-01')).thenThrows('NOT_ACTIVE');
  });
});
