import type { JourneyEvent } from './events';
import type { ActivityKind, CalendarDate } from './vocabulary';

/** What the rules need to know of a journey; the case file shown to people is built elsewhere. */
export type JourneyState = Readonly<{ enrolled: false }> | EnrolledJourney;

export type EnrolledJourney = Readonly<{
  enrolled: true;
  city: string;
  programme: string;
  /** Date of the latest enrolment or re-enrolment: the current spell's start. */
  spellStartedOn: CalendarDate;
  /** Null while the current spell runs. */
  exitedOn: CalendarDate | null;
  activeActivities: readonly ActivityKind[];
  jobThisSpell: boolean;
  selfEmploymentThisSpell: boolean;
  personalDataErased: boolean;
}>;

export const initialState = (): JourneyState => ({ enrolled: false });

export function evolve(state: JourneyState, event: JourneyEvent): JourneyState {
  if (event.type === 'ParticipantEnrolled') {
    return {
      enrolled: true,
      city: event.data.city,
      programme: event.data.programme,
      spellStartedOn: event.data.occurredOn,
      exitedOn: null,
      activeActivities: [],
      jobThisSpell: false,
      selfEmploymentThisSpell: false,
      personalDataErased: false,
    };
  }
  if (!state.enrolled) return state;
  switch (event.type) {
    case 'ActivityStarted':
      return { ...state, activeActivities: [...state.activeActivities, event.data.activity] };
    case 'ActivityCompleted':
      return { ...state, activeActivities: state.activeActivities.filter((a) => a !== event.data.activity) };
    case 'JobStarted':
      return { ...state, jobThisSpell: true };
    case 'SelfEmploymentStarted':
      return { ...state, selfEmploymentThisSpell: true };
    case 'ParticipantExited':
      // Leaving the programme ends whatever was running in it.
      return { ...state, exitedOn: event.data.occurredOn, activeActivities: [] };
    case 'ParticipantReEnrolled':
      return {
        ...state,
        programme: event.data.programme,
        spellStartedOn: event.data.occurredOn,
        exitedOn: null,
        activeActivities: [],
        jobThisSpell: false,
        selfEmploymentThisSpell: false,
      };
    case 'PersonalDataErased':
      return { ...state, personalDataErased: true };
    case 'CoachingSessionHeld':
    case 'ReferredToPartner':
    case 'FollowUpRecorded':
      return state;
  }
}

export const foldJourney = (events: readonly JourneyEvent[]): JourneyState => events.reduce(evolve, initialState());
