import { type Catalogue, exitClassOf } from '../../catalogue/catalogue';
import type { RecordedJourneyEvent } from '../application/recorded-journey-event';
import type { JourneyEvent, ParticipantProfile, PersonalDetails } from '../domain/events';
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

/**
 * What the enrolment fixes for good: whom the case is about. It is copied as it is in the events,
 * so the read model can keep personal data still sealed.
 */
export interface CaseIdentity {
  id: string;
  firstEnrolledOn: CalendarDate;
  profile: ParticipantProfile;
  /** As enrolled: the case shows none once erased. */
  personal: PersonalDetails | null;
}

/** What the events change in a case, beside adding to its timeline: the journey state and its exit. */
export interface CaseHead {
  state: EnrolledJourney;
  version: number;
  exitReason: ExitReason | null;
  outcome: OutcomeClass | null;
}

/** The identity an enrolment fixes; null for any other event. */
export function identityOf(event: JourneyEvent): CaseIdentity | null {
  if (event.type !== 'ParticipantEnrolled') return null;
  const { participantId, occurredOn, profile, personal } = event.data;
  return { id: participantId, firstEnrolledOn: occurredOn, profile, personal };
}

/**
 * Folds one event into a case's head, and gives the milestone the event adds to the timeline;
 * null while the stream is no case (no enrolment). Notes are copied without being looked at.
 * Once personal data is erased the new milestone has no note, and the caller blanks the earlier
 * ones' (`withoutNotes`).
 */
export function evolveCaseHead(
  head: CaseHead | null,
  { event, version, metadata }: Pick<RecordedJourneyEvent, 'event' | 'version' | 'metadata'>,
  catalogue: Catalogue,
): { head: CaseHead; milestone: MilestoneView } | null {
  const state = evolve(head?.state ?? initialState(), event);
  if (!state.enrolled) return null;
  const exitReason =
    state.exitedOn === null ? null : event.type === 'ParticipantExited' ? event.data.reason : (head?.exitReason ?? null);
  const milestone: MilestoneView = {
    sequence: version,
    ...describeMilestone(event),
    occurredOn: event.data.occurredOn,
    recordedAt: metadata.recordedAt,
    recordedBy: metadata.recordedBy,
    note: !state.personalDataErased && 'note' in event.data ? event.data.note : null,
  };
  return { head: { state, version, exitReason, outcome: exitReason && exitClassOf(catalogue, exitReason) }, milestone };
}

export const statusOf = (state: EnrolledJourney): ParticipantStatus => (state.exitedOn === null ? 'ACTIVE' : 'EXITED');

/** The case file but its timeline. */
export function caseView(identity: CaseIdentity, { state, version, exitReason, outcome }: CaseHead): Omit<ParticipantCaseView, 'timeline'> {
  return {
    id: identity.id,
    version,
    city: state.city,
    programme: state.programme,
    status: statusOf(state),
    enrolledOn: state.spellStartedOn,
    firstEnrolledOn: identity.firstEnrolledOn,
    exitedOn: state.exitedOn,
    exitReason,
    outcome,
    profile: identity.profile,
    personal: state.personalDataErased ? null : identity.personal,
    personalDataErased: state.personalDataErased,
    activeActivities: state.activeActivities,
  };
}

/** Erasure keeps the journey and drops the notes, personal data written by advisers. */
export const withoutNotes = (milestones: readonly MilestoneView[]): MilestoneView[] => milestones.map((m) => ({ ...m, note: null }));

/** The case of a whole stream; null for a stream with no enrolment. */
export function toParticipantCase(history: readonly RecordedJourneyEvent[], catalogue: Catalogue): ParticipantCaseView | null {
  let identity: CaseIdentity | null = null;
  let head: CaseHead | null = null;
  const timeline: MilestoneView[] = [];
  for (const recorded of history) {
    identity ??= identityOf(recorded.event);
    const next = evolveCaseHead(head, recorded, catalogue);
    if (next === null) continue;
    head = next.head;
    timeline.push(next.milestone);
  }
  if (identity === null || head === null) return null;
  return { ...caseView(identity, head), timeline: head.state.personalDataErased ? withoutNotes(timeline) : timeline };
}
