import type { Catalogue } from '../../catalogue/catalogue';
import type { EnrolParticipant, JourneyCommand } from './commands';
import { decideCorrection, decideVoid } from './corrections';
import { enrolmentInputErrors } from './enrolment-input';
import { InvalidInput, RuleViolation } from './errors';
import type { JourneyEvent, MilestoneEvent } from './events';
import type { Journey } from './journey';
import { milestoneInputErrors } from './milestone-input';
import { assertNotErased, assertNotInFuture, checkMilestone } from './milestone-rules';
import type { EnrolledJourney, JourneyState } from './state';
import type { CalendarDate } from './vocabulary';

export interface DecisionContext {
  /** Today in the participant's city, by the service's clock: the domain never reads a clock of its own. */
  today: CalendarDate;
  catalogue: Catalogue;
}

/** Commands that record a milestone of the journey as it happens. */
type MilestoneCommand = Exclude<
  JourneyCommand,
  { type: 'EnrolParticipant' | 'ErasePersonalData' | 'CorrectMilestone' | 'VoidMilestone' | 'UpdatePersonalDetails' | 'AddNote' }
>;

/** The journey's rules: which events a command produces in a given journey, or why it is refused. */
export function decide(command: JourneyCommand, journey: Journey, context: DecisionContext): JourneyEvent[] {
  const { state } = journey;
  if (command.type === 'EnrolParticipant') return enrol(command, state, context);
  if (!state.enrolled) throw new RuleViolation('NOT_ENROLLED', 'The participant has not been enrolled');
  const { today } = context;
  switch (command.type) {
    case 'ErasePersonalData':
      // Erasing again (a client's retry, a second request) answers the case: it is erased, nothing more to record.
      if (state.personalDataErased) return [];
      return [{ type: 'PersonalDataErased', data: { ...command.data, occurredOn: today } }];
    case 'UpdatePersonalDetails':
      assertNotErased(state, 'No personal details can be recorded');
      return [{ type: 'PersonalDetailsChanged', data: { ...command.data, occurredOn: today } }];
    case 'AddNote': {
      assertNotErased(state, 'No note can be recorded');
      const occurredOn = command.data.occurredOn ?? today;
      assertNoteDate(occurredOn, journey, today);
      return [{ type: 'NoteAdded', data: { ...command.data, occurredOn } }];
    }
    case 'CorrectMilestone':
      return decideCorrection(command, { ...journey, state }, context);
    case 'VoidMilestone':
      return decideVoid(command, { ...journey, state }, context);
    default:
      return recordMilestone(command, state, context);
  }
}

function recordMilestone(command: MilestoneCommand, state: EnrolledJourney, context: DecisionContext): JourneyEvent[] {
  const event = milestoneOf(command, state);
  const errors = milestoneInputErrors(event, state.city, context);
  if (errors.length > 0) throw new InvalidInput(errors);
  if (command.data.note != null) assertNotErased(state, 'No note can be recorded');
  checkMilestone(state, event, context.today);
  return [event];
}

function milestoneOf(command: MilestoneCommand, state: EnrolledJourney): MilestoneEvent {
  switch (command.type) {
    case 'RecordCoachingSession':
      return { type: 'CoachingSessionHeld', data: command.data };
    case 'StartActivity':
      return { type: 'ActivityStarted', data: command.data };
    case 'CompleteActivity':
      return { type: 'ActivityCompleted', data: command.data };
    case 'ReferToPartner':
      return { type: 'ReferredToPartner', data: command.data };
    case 'RecordJobStart':
      return { type: 'JobStarted', data: command.data };
    case 'RecordSelfEmployment':
      return { type: 'SelfEmploymentStarted', data: command.data };
    case 'RecordExit':
      return { type: 'ParticipantExited', data: command.data };
    case 'RecordFollowUp':
      return { type: 'FollowUpRecorded', data: command.data };
    case 'ReEnrolParticipant':
      return { type: 'ParticipantReEnrolled', data: { ...command.data, programme: command.data.programme ?? state.programme } };
  }
}

function enrol(command: EnrolParticipant, state: JourneyState, context: DecisionContext): JourneyEvent[] {
  if (state.enrolled) throw new RuleViolation('ALREADY_ENROLLED', 'The participant is already enrolled');
  const event: MilestoneEvent = { type: 'ParticipantEnrolled', data: command.data };
  const errors = enrolmentInputErrors(command.data, context);
  if (errors.length > 0) throw new InvalidInput(errors);
  checkMilestone(state, event, context.today);
  return [event];
}

/** A note is about the journey: dated on a day of it, from the first enrolment to today. */
function assertNoteDate(date: CalendarDate, { milestones }: Journey, today: CalendarDate): void {
  const enrolledOn = milestones[0].event.data.occurredOn;
  assertNotInFuture(date, today);
  if (date < enrolledOn) throw new RuleViolation('DATE_BEFORE_ENROLMENT', `The date ${date} is before the enrolment on ${enrolledOn}`);
}
