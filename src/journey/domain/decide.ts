import { type Catalogue, type CityEntry, findCity, findProgramme, hasPartner } from '../../catalogue/catalogue';
import type { EnrolParticipant, JourneyCommand } from './commands';
import { enrolmentInputErrors } from './enrolment-input';
import { InvalidInput, RuleViolation } from './errors';
import type { JourneyEvent } from './events';
import type { EnrolledJourney, JourneyState } from './state';
import type { CalendarDate } from './vocabulary';

export interface DecisionContext {
  /** Today in the service's clock: the domain never reads a clock of its own. */
  today: CalendarDate;
  catalogue: Catalogue;
}

/** The journey's rules: which events a command produces in a given state, or why it is refused. */
export function decide(command: JourneyCommand, state: JourneyState, context: DecisionContext): JourneyEvent[] {
  if (command.type === 'EnrolParticipant') return enrol(command, state, context);
  if (!state.enrolled) throw new RuleViolation('NOT_ENROLLED', 'The participant has not been enrolled');
  if (command.type === 'ErasePersonalData') {
    if (state.personalDataErased) throw new RuleViolation('ERASED', "The participant's personal data is already erased");
    return [{ type: 'PersonalDataErased', data: { ...command.data, occurredOn: context.today } }];
  }

  const city = findCity(context.catalogue, state.city);
  const { occurredOn, note } = command.data;
  assertNotInFuture(occurredOn, context.today);
  if (occurredOn < state.spellStartedOn) {
    throw new RuleViolation('DATE_BEFORE_ENROLMENT', `The date ${occurredOn} is before the enrolment on ${state.spellStartedOn}`);
  }
  if (note != null && state.personalDataErased) {
    throw new RuleViolation('ERASED', "No note can be recorded: the participant's personal data is erased");
  }

  switch (command.type) {
    case 'RecordCoachingSession':
      assertActive(state);
      return [{ type: 'CoachingSessionHeld', data: command.data }];
    case 'StartActivity': {
      const { provider, activity } = command.data;
      if (provider != null) assertPartnerOf(city, provider, 'provider');
      assertActive(state);
      if (state.activeActivities.includes(activity)) {
        throw new RuleViolation('ACTIVITY_ALREADY_STARTED', `${activity} is already running`);
      }
      return [{ type: 'ActivityStarted', data: command.data }];
    }
    case 'CompleteActivity':
      assertActive(state);
      if (!state.activeActivities.includes(command.data.activity)) {
        throw new RuleViolation('ACTIVITY_NOT_STARTED', `${command.data.activity} is not running`);
      }
      return [{ type: 'ActivityCompleted', data: command.data }];
    case 'ReferToPartner':
      assertPartnerOf(city, command.data.partner, 'partner');
      assertActive(state);
      return [{ type: 'ReferredToPartner', data: command.data }];
    case 'RecordJobStart':
      assertActive(state);
      return [{ type: 'JobStarted', data: command.data }];
    case 'RecordSelfEmployment':
      assertActive(state);
      return [{ type: 'SelfEmploymentStarted', data: command.data }];
    case 'RecordExit':
      assertActive(state);
      if (command.data.reason === 'EMPLOYMENT' && !startedBy(state.firstJobThisSpell, occurredOn)) {
        throw new RuleViolation('EXIT_WITHOUT_OUTCOME', 'An exit for EMPLOYMENT needs a job started since the enrolment, on or before the exit');
      }
      if (command.data.reason === 'SELF_EMPLOYMENT' && !startedBy(state.firstSelfEmploymentThisSpell, occurredOn)) {
        throw new RuleViolation(
          'EXIT_WITHOUT_OUTCOME',
          'An exit for SELF_EMPLOYMENT needs self-employment started since the enrolment, on or before the exit',
        );
      }
      return [{ type: 'ParticipantExited', data: command.data }];
    case 'RecordFollowUp':
      if (state.exitedOn === null) throw new RuleViolation('FOLLOW_UP_BEFORE_EXIT', 'The participant has not exited');
      if (occurredOn < state.exitedOn) {
        throw new RuleViolation('FOLLOW_UP_BEFORE_EXIT', `The follow-up is dated before the exit on ${state.exitedOn}`);
      }
      return [{ type: 'FollowUpRecorded', data: command.data }];
    case 'ReEnrolParticipant': {
      const programme = command.data.programme ?? state.programme;
      if (!city || !findProgramme(city, programme)) {
        throw new InvalidInput([{ field: 'programme', message: `Unknown programme '${programme}' in ${state.city}` }]);
      }
      if (state.exitedOn === null) throw new RuleViolation('NOT_EXITED', 'The participant is still active');
      if (occurredOn < state.exitedOn) {
        throw new RuleViolation('DATE_BEFORE_EXIT', `The re-enrolment is dated before the exit on ${state.exitedOn}`);
      }
      return [{ type: 'ParticipantReEnrolled', data: { ...command.data, programme } }];
    }
  }
}

function enrol(command: EnrolParticipant, state: JourneyState, context: DecisionContext): JourneyEvent[] {
  if (state.enrolled) throw new RuleViolation('ALREADY_ENROLLED', 'The participant is already enrolled');
  const errors = enrolmentInputErrors(command.data, context);
  if (errors.length > 0) throw new InvalidInput(errors);
  assertNotInFuture(command.data.occurredOn, context.today);
  return [{ type: 'ParticipantEnrolled', data: command.data }];
}

const startedBy = (firstOn: CalendarDate | null, date: CalendarDate): boolean => firstOn !== null && firstOn <= date;

function assertNotInFuture(date: CalendarDate, today: CalendarDate): void {
  if (date > today) throw new RuleViolation('DATE_IN_FUTURE', `The date ${date} is after today (${today})`);
}

function assertActive(state: EnrolledJourney): void {
  if (state.exitedOn !== null) throw new RuleViolation('NOT_ACTIVE', `The participant exited on ${state.exitedOn}`);
}

function assertPartnerOf(city: CityEntry | undefined, partner: string, field: string): void {
  if (!city || !hasPartner(city, partner)) {
    throw new InvalidInput([{ field, message: `Unknown partner '${partner}' in this city's catalogue` }]);
  }
}
