import { type Catalogue, exitClassOf } from '../../catalogue/catalogue';
import type { RecordedJourneyEvent } from '../application/recorded-journey-event';
import type { ParticipantProfile, PersonalDetails } from '../domain/events';
import { type EnrolledJourney, foldJourney } from '../domain/state';
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

/** Builds the case from a participant's whole stream; null for a stream with no enrolment. */
export function toParticipantCase(
  participantId: string,
  history: readonly RecordedJourneyEvent[],
  catalogue: Catalogue,
): ParticipantCaseView | null {
  const enrolment = history.find((r) => r.event.type === 'ParticipantEnrolled')?.event;
  if (enrolment?.type !== 'ParticipantEnrolled') return null;
  const state = foldJourney(history.map((r) => r.event)) as EnrolledJourney;
  const exitReason = state.exitedOn === null ? null : latestExitReason(history);
  const erased = state.personalDataErased;
  return {
    id: participantId,
    version: history.length,
    city: state.city,
    programme: state.programme,
    status: state.exitedOn === null ? 'ACTIVE' : 'EXITED',
    enrolledOn: state.spellStartedOn,
    firstEnrolledOn: enrolment.data.occurredOn,
    exitedOn: state.exitedOn,
    exitReason,
    outcome: exitReason && exitClassOf(catalogue, exitReason),
    profile: enrolment.data.profile,
    personal: erased ? null : enrolment.data.personal,
    personalDataErased: erased,
    activeActivities: state.activeActivities,
    timeline: history.map(({ event, version, metadata }) => ({
      sequence: version,
      ...describeMilestone(event),
      occurredOn: event.data.occurredOn,
      recordedAt: metadata.recordedAt,
      recordedBy: metadata.recordedBy,
      note: erased || !('note' in event.data) ? null : event.data.note,
    })),
  };
}

function latestExitReason(history: readonly RecordedJourneyEvent[]): ExitReason | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const { event } = history[i];
    if (event.type === 'ParticipantExited') return event.data.reason;
  }
  return null;
}
