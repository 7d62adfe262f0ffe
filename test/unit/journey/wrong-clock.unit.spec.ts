import { given, TODAY } from '../../support/decider-specification';
import { command, ENROLLED_ON, event } from './fixtures';

// The server's clock ran ahead to 2039 while these were recorded; today (2008-06-30) it is right again.
const FUTURE_ENROLMENT = '2039-06-01';
const enrolledAhead = event.enrolled({ occurredOn: FUTURE_ENROLMENT });
const coachedAhead = event.coachingHeld('2039-06-02');
const enrolmentPutRight = event.corrected(1, 'ENROLLED', event.enrolled(), ['occurredOn']);

describe('a case a server clock running ahead dated in the future', () => {
  it('cannot be exited as it stands: today is before its enrolment', () => {
    given([enrolledAhead]).when(command.exit(TODAY)).thenThrows('DATE_BEFORE_ENROLMENT');
  });

  it('takes a correction of its enrolment to a real date', () => {
    given([enrolledAhead])
      .when(command.correct(1, { occurredOn: ENROLLED_ON }))
      .then([enrolmentPutRight]);
  });

  it('takes that correction while later milestones are still dated ahead, then theirs', () => {
    given([enrolledAhead, coachedAhead])
      .when(command.correct(1, { occurredOn: ENROLLED_ON }))
      .then([enrolmentPutRight]);
    given([enrolledAhead, coachedAhead, enrolmentPutRight])
      .when(command.correct(2, { occurredOn: '2008-02-01' }))
      .then([event.corrected(2, 'COACHING_SESSION', event.coachingHeld('2008-02-01'), ['occurredOn'])]);
  });

  it('takes a void of a milestone dated ahead, its enrolment still ahead', () => {
    given([enrolledAhead, coachedAhead]).when(command.voidMilestone(2)).then([event.voided(2)]);
  });

  it('takes a correction of another field, leaving the date on record as it is', () => {
    given([enrolledAhead])
      .when(command.correct(1, { programme: 'paris-rmi' }))
      .then([event.corrected(1, 'ENROLLED', event.enrolled({ occurredOn: FUTURE_ENROLMENT, programme: 'paris-rmi' }), ['programme'])]);
  });

  it('is exited once its enrolment is put right', () => {
    given([enrolledAhead, enrolmentPutRight]).when(command.exit(TODAY)).then([event.exited(TODAY)]);
  });

  it('is exited once its milestones dated ahead are put right or voided', () => {
    const coachingPutRight = event.corrected(2, 'COACHING_SESSION', event.coachingHeld('2008-02-01'), ['occurredOn']);
    given([enrolledAhead, coachedAhead, enrolmentPutRight]).when(command.exit(TODAY)).thenThrows('DATE_BEFORE_LAST_MILESTONE');
    given([enrolledAhead, coachedAhead, enrolmentPutRight, coachingPutRight]).when(command.exit(TODAY)).then([event.exited(TODAY)]);
    given([enrolledAhead, coachedAhead, enrolmentPutRight, event.voided(2)]).when(command.exit(TODAY)).then([event.exited(TODAY)]);
  });

  it('still refuses a new date after today, in a correction as in a new milestone', () => {
    given([enrolledAhead]).when(command.correct(1, { occurredOn: '2039-06-03' })).thenThrows('DATE_IN_FUTURE');
    given([enrolledAhead, enrolmentPutRight]).when(command.coaching('2008-07-01')).thenThrows('DATE_IN_FUTURE');
  });
});
