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
  /** Dates of the spell's first job and first self-employment: an exit for either needs one on or before it. */
  firstJobThisSpell: CalendarDate | null;
  firstSelfEmploymentThisSpell: CalendarDate | null;
  personalDataErased: boolean;
}>;

export const initialState = (): JourneyState => ({ enrolled: false });

export function evolve(state: JourneyState, event: JourneyEvent): JourneyState {
  if (event.type === 'ParticipantEnrolled') {
    return { enrolled: true, city: event.data.city, ...newSpell(event.data.programme, event.data.occurredOn), personalDataErased: false };
  }
  if (!state.enrolled) return state;
  switch (event.type) {
    case 'ActivityStarted':
      return { ...state, activeActivities: [...state.activeActivities, event.data.activity] };
    case 'ActivityCompleted':
      return { ...state, activeActivities: state.activeActivities.filter((a) => a !== event.data.activity) };
    case 'JobStarted':
      return { ...state, firstJobThisSpell: earliest(state.firstJobThisSpell, event.data.occurredOn) };
    case 'SelfEmploymentStarted':
      return { ...state, firstSelfEmploymentThisSpell: earliest(state.firstSelfEmploymentThisSpell, event.data.occurredOn) };
    case 'ParticipantExited':
      // Leaving the programme ends whatever was running in it.
      return { ...state, exitedOn: event.data.occurredOn, activeActivities: [] };
    case 'ParticipantReEnrolled':
      return { ...state, ...newSpell(event.data.programme, event.data.occurredOn) };
    case 'PersonalDataErased':
      return { ...state, personalDataErased: true };
    case 'CoachingSessionHeld':
    case 'ReferredToPartner':
    case 'FollowUpRecorded':
      return state;
  }
}

/** An enrolment or re-enrolment starts a spell afresh: nothing running, no outcome yet. */
const newSpell = (programme: string, startedOn: CalendarDate) => ({
  programme,
  spellStartedOn: startedOn,
  exitedOn: null,
  activeActivities: [],
  firstJobThisSpell: null,
  firstSelfEmploymentThisSpell: null,
});

// Milestones may be recorded late, so the first by date is not always the first recorded.
const earliest = (known: CalendarDate | null, date: CalendarDate): CalendarDate => (known === null || date < known ? date : known);

export const foldJourney = (events: readonly JourneyEvent[]): JourneyState => events.reduce(evolve, initialState());
