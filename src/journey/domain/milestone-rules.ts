import { RuleViolation } from './errors';
import type { MilestoneEvent } from './events';
import type { RecordedMilestone } from './journey';
import { evolve, initialState, type EnrolledJourney, type JourneyState } from './state';
import type { CalendarDate } from './vocabulary';

/**
 * The rules of docs/journey-rules.md and docs/corrections.md that a milestone must keep, given the journey before it. A new
 * milestone is checked against the journey as it stands; a correction, by checking every
 * milestone of the corrected journey in turn (`checkJourney`), so both refuse with the same code.
 * `today` is null for a date already on record, which is not checked against today again.
 */
export function checkMilestone(state: JourneyState, event: MilestoneEvent, today: CalendarDate | null): void {
  const { occurredOn } = event.data;
  if (event.type === 'ParticipantEnrolled') {
    if (state.enrolled) throw new RuleViolation('ALREADY_ENROLLED', 'The participant is already enrolled');
    if (today !== null) assertNotInFuture(occurredOn, today);
    return;
  }
  if (!state.enrolled) throw new RuleViolation('NOT_ENROLLED', 'The participant has not been enrolled');
  // An erasure is dated by the service and touches no date rule.
  if (event.type === 'PersonalDataErased') return;
  if (today !== null) assertNotInFuture(occurredOn, today);
  if (occurredOn < state.spellStartedOn) {
    throw new RuleViolation('DATE_BEFORE_ENROLMENT', `The date ${occurredOn} is before the enrolment on ${state.spellStartedOn}`);
  }
  switch (event.type) {
    case 'CoachingSessionHeld':
    case 'ReferredToPartner':
    case 'JobStarted':
    case 'SelfEmploymentStarted':
      return assertActive(state);
    case 'ActivityStarted':
      assertActive(state);
      if (state.activityStartedOn[event.data.activity] !== undefined) {
        throw new RuleViolation('ACTIVITY_ALREADY_STARTED', `${event.data.activity} is already running`);
      }
      return;
    case 'ActivityCompleted': {
      const { activity } = event.data;
      assertActive(state);
      const startedOn = state.activityStartedOn[activity];
      if (startedOn === undefined) {
        throw new RuleViolation('ACTIVITY_NOT_STARTED', `${activity} is not running`);
      }
      if (occurredOn < startedOn) {
        throw new RuleViolation('DATE_BEFORE_ACTIVITY_START', `${activity} started on ${startedOn}: it cannot end on ${occurredOn}`);
      }
      return;
    }
    case 'ParticipantExited':
      return checkExit(state, event);
    case 'FollowUpRecorded':
      return checkFollowUp(state, event);
    case 'ParticipantReEnrolled':
      if (state.exitedOn === null) throw new RuleViolation('NOT_EXITED', 'The participant is still active');
      if (occurredOn < state.exitedOn) {
        throw new RuleViolation('DATE_BEFORE_EXIT', `The re-enrolment is dated before the exit on ${state.exitedOn}`);
      }
      return;
  }
}

/**
 * Checks every milestone of a journey, in the order they were recorded, leaving out the voided ones,
 * against each other but not against today: each date was checked against the today of when it
 * was recorded (a new date, by the caller). A case a server clock running ahead dated in the future
 * can so still be corrected: otherwise every new date is before its enrolment or after today.
 */
export function checkJourney(milestones: readonly RecordedMilestone[]): void {
  let state = initialState();
  for (const { event, voided } of milestones) {
    if (voided) continue;
    checkMilestone(state, event, null);
    state = evolve(state, event);
  }
}

function checkExit(state: EnrolledJourney, { data: { occurredOn, reason } }: Extract<MilestoneEvent, { type: 'ParticipantExited' }>): void {
  assertActive(state);
  if (occurredOn < state.lastMilestoneOn) {
    throw new RuleViolation('DATE_BEFORE_LAST_MILESTONE', `The exit is dated before a milestone of its spell, on ${state.lastMilestoneOn}`);
  }
  // Every milestone of the spell is on or before the exit now, so its job or business started by then.
  if (reason === 'EMPLOYMENT' && state.firstJobThisSpell === null) {
    throw new RuleViolation('EXIT_WITHOUT_OUTCOME', 'An exit for EMPLOYMENT needs a job started since the enrolment');
  }
  if (reason === 'SELF_EMPLOYMENT' && state.firstSelfEmploymentThisSpell === null) {
    throw new RuleViolation('EXIT_WITHOUT_OUTCOME', 'An exit for SELF_EMPLOYMENT needs self-employment started since the enrolment');
  }
}

/** A follow-up N months after the exit is dated within a month of that day. */
function checkFollowUp(state: EnrolledJourney, { data: { occurredOn, monthsAfterExit } }: Extract<MilestoneEvent, { type: 'FollowUpRecorded' }>): void {
  if (state.exitedOn === null) throw new RuleViolation('FOLLOW_UP_BEFORE_EXIT', 'The participant has not exited');
  if (occurredOn < state.exitedOn) {
    throw new RuleViolation('FOLLOW_UP_BEFORE_EXIT', `The follow-up is dated before the exit on ${state.exitedOn}`);
  }
  const due = addMonths(state.exitedOn, monthsAfterExit);
  const [from, to] = [addMonths(due, -1), addMonths(due, 1)];
  if (occurredOn < from || occurredOn > to) {
    throw new RuleViolation(
      'FOLLOW_UP_OUT_OF_WINDOW',
      `A follow-up ${monthsAfterExit} months after the exit on ${state.exitedOn} is dated from ${from} to ${to}`,
    );
  }
}

/** No personal data or note is recorded once the participant's are erased. */
export function assertNotErased(state: EnrolledJourney, what: string): void {
  if (state.personalDataErased) throw new RuleViolation('ERASED', `${what}: the participant's personal data is erased`);
}

export function assertNotInFuture(date: CalendarDate, today: CalendarDate): void {
  if (date > today) throw new RuleViolation('DATE_IN_FUTURE', `The date ${date} is after today (${today})`);
}

function assertActive(state: EnrolledJourney): void {
  if (state.exitedOn !== null) throw new RuleViolation('NOT_ACTIVE', `The participant exited on ${state.exitedOn}`);
}

/** The same day of the month `months` later (or earlier), or the month's last day when it has none (31 January + 1 = 29 February). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
