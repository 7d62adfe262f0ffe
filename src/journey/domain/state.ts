import type { MilestoneEvent } from './events';
import type { ActivityKind, CalendarDate } from './vocabulary';

/** What the rules need to know of a journey; the case file shown to people is built elsewhere. */
export type JourneyState = Readonly<{ enrolled: false }> | EnrolledJourney;

export type EnrolledJourney = Readonly<{
  enrolled: true;
  city: string;
  programme: string;
  /** Date of the latest enrolment or re-enrolment: the current spell's start. */
  spellStartedOn: CalendarDate;
  /** The latest date of a milestone of the current spell: its exit cannot be dated before it. */
  lastMilestoneOn: CalendarDate;
  /** Null while the current spell runs. */
  exitedOn: CalendarDate | null;
  /** The running activities, in the order they started, and when: one cannot be completed before it started. */
  activityStartedOn: Readonly<Partial<Record<ActivityKind, CalendarDate>>>;
  /** Dates of the spell's first job and first self-employment: an exit for either needs one on or before it. */
  firstJobThisSpell: CalendarDate | null;
  firstSelfEmploymentThisSpell: CalendarDate | null;
  personalDataErased: boolean;
}>;

export const initialState = (): JourneyState => ({ enrolled: false });

/** Folds one milestone into the state; corrections are folded over the milestones they amend (./journey.ts). */
export function evolve(state: JourneyState, event: MilestoneEvent): JourneyState {
  if (event.type === 'ParticipantEnrolled') {
    return { enrolled: true, city: event.data.city, ...newSpell(event.data.programme, event.data.occurredOn), personalDataErased: false };
  }
  if (!state.enrolled) return state;
  const inSpell = { ...state, lastMilestoneOn: latest(state.lastMilestoneOn, event.data.occurredOn) };
  switch (event.type) {
    case 'ActivityStarted': {
      const { activity, occurredOn } = event.data;
      return { ...inSpell, activityStartedOn: { ...state.activityStartedOn, [activity]: occurredOn } };
    }
    case 'ActivityCompleted': {
      const { [event.data.activity]: _ended, ...running } = state.activityStartedOn;
      return { ...inSpell, activityStartedOn: running };
    }
    case 'JobStarted':
      return { ...inSpell, firstJobThisSpell: earliest(state.firstJobThisSpell, event.data.occurredOn) };
    case 'SelfEmploymentStarted':
      return { ...inSpell, firstSelfEmploymentThisSpell: earliest(state.firstSelfEmploymentThisSpell, event.data.occurredOn) };
    case 'CoachingSessionHeld':
    case 'ReferredToPartner':
      return inSpell;
    case 'ParticipantExited':
      // Leaving the programme ends whatever was running in it.
      return { ...state, exitedOn: event.data.occurredOn, activityStartedOn: {} };
    case 'ParticipantReEnrolled':
      return { ...state, ...newSpell(event.data.programme, event.data.occurredOn) };
    case 'PersonalDataErased':
      return { ...state, personalDataErased: true };
    case 'FollowUpRecorded':
      return state;
  }
}

/** The activities running, in the order they started. */
export const activeActivities = (state: EnrolledJourney): ActivityKind[] => Object.keys(state.activityStartedOn) as ActivityKind[];

/** An enrolment or re-enrolment starts a spell afresh: nothing running, no outcome yet. */
const newSpell = (programme: string, startedOn: CalendarDate) => ({
  programme,
  spellStartedOn: startedOn,
  lastMilestoneOn: startedOn,
  exitedOn: null,
  activityStartedOn: {},
  firstJobThisSpell: null,
  firstSelfEmploymentThisSpell: null,
});

// Milestones may be recorded late, so the first by date is not always the first recorded.
const earliest = (known: CalendarDate | null, date: CalendarDate): CalendarDate => (known === null || date < known ? date : known);
const latest = (known: CalendarDate, date: CalendarDate): CalendarDate => (date > known ? date : known);
