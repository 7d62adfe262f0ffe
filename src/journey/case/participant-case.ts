import { type Catalogue, exitClassOf } from '../../catalogue/catalogue';
import type { RecordedJourneyEvent } from '../application/recorded-journey-event';
import type { ParticipantProfile, PersonalDetails } from '../domain/events';
import { type EnrolledJourney, evolve, initialState } from '../domain/state';
import type { ActivityKind, CalendarDate, ExitReason, MilestoneKind, OutcomeClass, ParticipantStatus } from '../domain/vocabulary';
import { describeMilestone } from './milestone-summary';

/** A participant's case file as advisers read it. */
export interface ParticipantCaseView {
  id: string;
  version: number;
  city: string;
  programme: string;
  status: ParticipantStatus;
  /** Start of the current spell. */
  enrolledOn: CalendarDate;
  firstEnrolledOn: CalendarDate;
  exitedOn: CalendarDate | null;
  exitReason: ExitReason | null;
  outcome: OutcomeClass | null;
  profile: ParticipantProfile;
  personal: PersonalDetails | null;
  personalDataErased: boolean;
  activeActivities: readonly ActivityKind[];
  timeline: MilestoneView[];
}

export interface MilestoneView {
  sequence: number;
  kind: MilestoneKind;
  occurredOn: CalendarDate;
  recordedAt: string;
  recordedBy: string;
  summary: string;
  note: string | null;
}

/** The case file together with the journey state that folding it further needs. */
export interface CaseFile {
  state: EnrolledJourney;
  view: ParticipantCaseView;
}

/**
 * Folds one event into a case file. It copies `personal` and notes without looking at them, so
 * the read model can fold events whose personal data is still sealed.
 */
export function evolveCase(
  file: CaseFile | null,
  { event, version, metadata }: Pick<RecordedJourneyEvent, 'event' | 'version' | 'metadata'>,
  catalogue: Catalogue,
): CaseFile | null {
  const state = evolve(file?.state ?? initialState(), event);
  if (!state.enrolled) return null;
  const previous = file?.view;
  const enrolment = event.type === 'ParticipantEnrolled' ? event.data : null;
  const erased = state.personalDataErased;
  const exitReason =
    state.exitedOn === null ? null : event.type === 'ParticipantExited' ? event.data.reason : (previous?.exitReason ?? null);
  const milestone: MilestoneView = {
    sequence: version,
    ...describeMilestone(event),
    occurredOn: event.data.occurredOn,
    recordedAt: metadata.recordedAt,
    recordedBy: metadata.recordedBy,
    note: 'note' in event.data ? event.data.note : null,
  };
  const earlier = previous?.timeline ?? [];
  return {
    state,
    view: {
      id: event.data.participantId,
      version,
      city: state.city,
      programme: state.programme,
      status: state.exitedOn === null ? 'ACTIVE' : 'EXITED',
      enrolledOn: state.spellStartedOn,
      firstEnrolledOn: previous?.firstEnrolledOn ?? event.data.occurredOn,
      exitedOn: state.exitedOn,
      exitReason,
      outcome: exitReason && exitClassOf(catalogue, exitReason),
      profile: enrolment?.profile ?? previous!.profile,
      personal: erased ? null : enrolment ? enrolment.personal : previous!.personal,
      personalDataErased: erased,
      activeActivities: state.activeActivities,
      timeline: erased ? [...earlier, milestone].map((m) => ({ ...m, note: null })) : [...earlier, milestone],
    },
  };
}

/** The case of a whole stream; null for a stream with no enrolment. */
export function toParticipantCase(history: readonly RecordedJourneyEvent[], catalogue: Catalogue): ParticipantCaseView | null {
  return history.reduce<CaseFile | null>((file, recorded) => evolveCase(file, recorded, catalogue), null)?.view ?? null;
}
