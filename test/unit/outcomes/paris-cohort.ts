import type { JourneyEvent } from '../../../src/journey/domain/events';
import { type ParticipantOutcomeFacts, outcomeFactOf } from '../../../src/outcomes/outcome-facts';
import { event } from '../journey/fixtures';

// Eight Paris participants of 2007-2008, each journey written as the events of its stream, in
// recording order. Every figure the dashboard tests expect was computed by hand from these lists;
// the comments give the day counts from the first enrolment.

/** Job, exit for employment, sustained at 6 months. Job on day 50. */
export const ANNE: JourneyEvent[] = [
  event.enrolled({ occurredOn: '2007-01-10', programme: 'paris-gatp' }),
  event.coachingHeld('2007-01-20'),
  event.jobStarted('2007-03-01', { contractType: 'PERMANENT' }),
  event.exited('2007-03-01', 'EMPLOYMENT'),
  event.followedUp('2007-09-01', { monthsAfterExit: 6, status: 'EMPLOYED' }),
];

/** Leaves for health on day 30: a neutral exit, censored. */
export const BERNARD: JourneyEvent[] = [
  event.enrolled({ occurredOn: '2007-01-10', programme: 'paris-gatp' }),
  event.exited('2007-02-09', 'HEALTH'),
];

/**
 * Drops out of paris-gatp on 2007-04-02, re-enrols into paris-pionnieres and creates her business
 * on day 179 from her first enrolment; unemployed at 6 months.
 */
export const CHANTAL: JourneyEvent[] = [
  event.enrolled({ occurredOn: '2007-02-01', programme: 'paris-gatp' }),
  event.exited('2007-04-02', 'DROPPED_OUT'),
  event.reEnrolled('2007-05-01', 'paris-pionnieres'),
  event.activityStarted('2007-05-02', 'INCUBATION'),
  event.selfEmploymentStarted('2007-07-30'),
  event.exited('2007-08-31', 'SELF_EMPLOYMENT'),
  event.followedUp('2008-02-29', { monthsAfterExit: 6, status: 'UNEMPLOYED' }),
];

/** Three jobs in a row while still in the programme; the first on day 45. */
export const DIDIER: JourneyEvent[] = [
  event.enrolled({ occurredOn: '2007-03-01', programme: 'paris-gatp' }),
  event.jobStarted('2007-04-15', { contractType: 'FIXED_TERM_UNDER_6_MONTHS' }),
  event.jobStarted('2007-06-01', { contractType: 'TEMPORARY_AGENCY' }),
  event.jobStarted('2007-09-03', { contractType: 'PERMANENT' }),
];

/**
 * A job of 2007-08-20 recorded late, after the October coaching and a later job: her first job is
 * the August one (day 80), whatever the recording order.
 */
export const ELISE: JourneyEvent[] = [
  event.enrolled({ occurredOn: '2007-06-01', programme: 'paris-rmi' }),
  event.coachingHeld('2007-10-01'),
  event.jobStarted('2007-10-01', { contractType: 'SUBSIDISED' }),
  event.jobStarted('2007-08-20', { contractType: 'FIXED_TERM_6_MONTHS_OR_MORE' }),
  event.exited('2007-10-15', 'EMPLOYMENT'),
];

/** Drops out on day 134: a negative exit, censored. */
export const FRANCOIS: JourneyEvent[] = [
  event.enrolled({ occurredOn: '2007-09-03', programme: 'paris-gatp' }),
  event.referred('2007-10-01'),
  event.exited('2008-01-15', 'DROPPED_OUT'),
];

/** Leaves for training on day 182 (positive, but no job: censored); self-employed at 6 months. */
export const GILLES: JourneyEvent[] = [
  event.enrolled({ occurredOn: '2007-04-02', programme: 'paris-gatp' }),
  event.exited('2007-10-01', 'TRAINING'),
  event.followedUp('2008-01-02', { monthsAfterExit: 3, status: 'UNEMPLOYED' }),
  event.followedUp('2008-04-01', { monthsAfterExit: 6, status: 'SELF_EMPLOYED' }),
];

/** Enrolled in March 2008 and still searching: censored at the asked date. */
export const HELENE: JourneyEvent[] = [
  event.enrolled({ occurredOn: '2008-03-03', programme: 'paris-rmi' }),
  event.erased('2008-04-01'),
];

export const PARIS_COHORT = { ANNE, BERNARD, CHANTAL, DIDIER, ELISE, FRANCOIS, GILLES, HELENE };

/** What the read side keeps of a stream. */
export function factsOf(events: readonly JourneyEvent[]): ParticipantOutcomeFacts {
  const enrolment = events.find((e) => e.type === 'ParticipantEnrolled');
  if (!enrolment) throw new Error('A journey starts with its enrolment');
  return {
    city: enrolment.data.city,
    facts: events.map(outcomeFactOf).filter((f) => f !== null),
  };
}
