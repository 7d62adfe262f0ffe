import { type Catalogue, exitClassOf } from '../../catalogue/catalogue';
import type { RecordedJourneyEvent } from '../application/recorded-journey-event';
import type { JourneyEvent, MilestoneAmendment, MilestoneEvent, MilestoneValues, ParticipantProfile, PersonalDetails } from '../domain/events';
import { isMilestone, type RecordedMilestone, stateOf } from '../domain/journey';
import { type CorrectedFields, fieldsOf, valuesOf, withValues } from '../domain/milestone-fields';
import { milestoneOfKind } from '../domain/milestone-kind';
import { activeActivities, type EnrolledJourney, evolve, initialState } from '../domain/state';
import type { ActivityKind, CalendarDate, ExitReason, MilestoneKind, OutcomeClass, ParticipantStatus } from '../domain/vocabulary';
import { lastMilestoneOn } from './last-milestone';
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
  /** The latest date of a milestone that counts (`lastMilestoneOn`): when the participant was last dealt with. */
  lastMilestoneOn: CalendarDate;
  /** When the case's latest event, of any kind, was recorded. */
  updatedAt: string;
  timeline: MilestoneView[];
  notes: CaseNoteView[];
}

/** A milestone as it stands, with what corrections changed and why. */
export interface MilestoneView {
  sequence: number;
  kind: MilestoneKind;
  occurredOn: CalendarDate;
  recordedAt: string;
  recordedBy: string;
  summary: string;
  note: string | null;
  /** Its coded values as they stand. */
  values: MilestoneValues;
  /** As first recorded, once a correction changed it; null until then. */
  original: MilestoneValues | null;
  /** Corrections and voiding, in the order they were recorded. */
  amendments: AmendmentView[];
  /** Left out of the journey: outcomes, life paths and rules ignore it. */
  voided: boolean;
}

export interface AmendmentView {
  /** The sequence of the correction or void itself. */
  sequence: number;
  kind: 'CORRECTED' | 'VOIDED';
  /** Fields a correction changed; none for a void. */
  changed: string[];
  /** Free text, sealed under the participant's key in the events and the read model, as notes are; null once erased. */
  reason: string | null;
  recordedAt: string;
  recordedBy: string;
}

/** An adviser's note that belongs to no milestone. */
export interface CaseNoteView {
  sequence: number;
  writtenOn: CalendarDate;
  recordedAt: string;
  recordedBy: string;
  note: string | null;
}

/** Whom the case is about: fixed by the enrolment, but for corrections of it and changes of personal details. */
export interface CaseIdentity {
  id: string;
  firstEnrolledOn: CalendarDate;
  profile: ParticipantProfile;
  /** As last recorded (still sealed in the read model): the case shows none once erased. */
  personal: PersonalDetails | null;
}

/** What the events change in a case, beside its timeline and notes: the journey state and its exit. */
export interface CaseHead {
  state: EnrolledJourney;
  version: number;
  /** When the event of that version was recorded. */
  updatedAt: string;
  exitReason: ExitReason | null;
  outcome: OutcomeClass | null;
}

/**
 * What one event does to a case: most add a milestone and change its head; a note is added
 * apart; new personal details change whom it is about; a correction or void rewrites the
 * timeline (it may change any milestone's place in the journey, and the enrolment's profile).
 */
export type CaseChange =
  | { kind: 'milestone'; head: CaseHead; milestone: MilestoneView }
  | { kind: 'note'; head: CaseHead; note: CaseNoteView }
  | { kind: 'personal'; head: CaseHead; personal: PersonalDetails | null }
  | { kind: 'amended'; head: CaseHead; identity: CaseIdentity; timeline: MilestoneView[] };

type Recorded = Pick<RecordedJourneyEvent, 'event' | 'version' | 'metadata'>;

/** The identity an enrolment fixes; null for any other event. */
export function identityOf(event: JourneyEvent): CaseIdentity | null {
  if (event.type !== 'ParticipantEnrolled') return null;
  const { participantId, occurredOn, profile, personal } = event.data;
  return { id: participantId, firstEnrolledOn: occurredOn, profile, personal };
}

/**
 * What the event does to the case; null while the stream is no case (no enrolment). Notes and
 * reasons are copied sealed, without being looked at. `timeline` gives the case's whole timeline, and is called only
 * for a correction or void. Once personal data is erased, new milestones have no note, and the
 * caller blanks the earlier ones' notes and reasons (`withoutFreeText`).
 */
export function changeCase(
  head: CaseHead | null,
  identity: () => CaseIdentity,
  timeline: () => readonly MilestoneView[],
  { event, version, metadata }: Recorded,
  catalogue: Catalogue,
): CaseChange | null {
  if (isMilestone(event)) {
    const state = evolve(head?.state ?? initialState(), event);
    if (!state.enrolled) return null;
    const erased = state.personalDataErased;
    const milestone: MilestoneView = {
      sequence: version,
      ...describeMilestone(event),
      occurredOn: event.data.occurredOn,
      recordedAt: metadata.recordedAt,
      recordedBy: metadata.recordedBy,
      note: !erased && 'note' in event.data ? event.data.note : null,
      values: valuesOf(event),
      original: null,
      amendments: [],
      voided: false,
    };
    const exitReason = state.exitedOn === null ? null : event.type === 'ParticipantExited' ? event.data.reason : (head?.exitReason ?? null);
    return { kind: 'milestone', head: headOf(state, version, metadata.recordedAt, exitReason, catalogue), milestone };
  }
  if (head === null) return null;
  const moved = { ...head, version, updatedAt: metadata.recordedAt };
  switch (event.type) {
    case 'NoteAdded': {
      const { occurredOn, note } = event.data;
      return { kind: 'note', head: moved, note: { sequence: version, writtenOn: occurredOn, recordedAt: metadata.recordedAt, recordedBy: metadata.recordedBy, note } };
    }
    case 'PersonalDetailsChanged':
      return { kind: 'personal', head: moved, personal: event.data.personal };
    case 'MilestoneCorrected':
    case 'MilestoneVoided':
      return amendCase(identity(), timeline(), { event, version, metadata }, catalogue);
  }
}

function amendCase(identity: CaseIdentity, timeline: readonly MilestoneView[], { event, version, metadata }: Recorded & { event: MilestoneAmendment }, catalogue: Catalogue): CaseChange {
  const corrected = event.type === 'MilestoneCorrected' ? event.data : null;
  const amendment: AmendmentView = {
    sequence: version,
    kind: corrected ? 'CORRECTED' : 'VOIDED',
    changed: corrected?.changed ?? [],
    reason: event.data.reason,
    recordedAt: metadata.recordedAt,
    recordedBy: metadata.recordedBy,
  };
  const amended = timeline.map((m): MilestoneView => {
    if (m.sequence !== event.data.sequence) return m;
    const withAmendment = { ...m, amendments: [...m.amendments, amendment] };
    if (!corrected) return { ...withAmendment, voided: true };
    const now = withValues(eventOf(m, identity.id), corrected.values);
    return {
      ...withAmendment,
      ...describeMilestone(now),
      occurredOn: now.data.occurredOn,
      values: corrected.values,
      original: m.original ?? m.values,
      note: corrected.note ?? m.note,
    };
  });
  const milestones = amended.map((m): RecordedMilestone => ({ sequence: m.sequence, event: eventOf(m, identity.id), voided: m.voided }));
  const state = stateOf(milestones);
  if (!state.enrolled) throw new Error(`The case of ${identity.id} has no enrolment left`);
  const exit = milestones.findLast((m) => !m.voided && m.event.type === 'ParticipantExited')?.event;
  const exitReason = state.exitedOn !== null && exit?.type === 'ParticipantExited' ? exit.data.reason : null;
  const enrolment = milestones[0].event;
  const profiled = enrolment.type === 'ParticipantEnrolled' ? { firstEnrolledOn: enrolment.data.occurredOn, profile: enrolment.data.profile } : {};
  return { kind: 'amended', head: headOf(state, version, metadata.recordedAt, exitReason, catalogue), identity: { ...identity, ...profiled }, timeline: amended };
}

/** The milestone's event as its values now stand: enough to fold the journey's state again. */
const eventOf = (m: MilestoneView, participantId: string): MilestoneEvent => milestoneOfKind(m.kind, participantId, m.values);

/** A milestone's values, flat and named as clients name them (MilestoneValues in the schema). */
export const flatValues = (kind: MilestoneKind, values: MilestoneValues): CorrectedFields & { occurredOn: CalendarDate } =>
  ({ ...fieldsOf(milestoneOfKind(kind, '', values)), occurredOn: values.occurredOn });

const headOf = (state: EnrolledJourney, version: number, updatedAt: string, exitReason: ExitReason | null, catalogue: Catalogue): CaseHead => ({
  state,
  version,
  updatedAt,
  exitReason,
  outcome: exitReason && exitClassOf(catalogue, exitReason),
});

export const statusOf = (state: EnrolledJourney): ParticipantStatus => (state.exitedOn === null ? 'ACTIVE' : 'EXITED');

/** The case file but its timeline, its notes and what is worked out from the whole timeline. */
export function caseView(
  identity: CaseIdentity,
  { state, version, updatedAt, exitReason, outcome }: CaseHead,
): Omit<ParticipantCaseView, 'timeline' | 'notes' | 'lastMilestoneOn'> {
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
    activeActivities: activeActivities(state),
    updatedAt,
  };
}

/** Erasure keeps the journey and drops the notes, personal data written by advisers. */
export const withoutNotes = <T extends { note: string | null }>(items: readonly T[]): T[] => items.map((m) => ({ ...m, note: null }));

/** Erasure keeps the timeline and drops the free text in it: notes, and the reasons of corrections and voids. */
export const withoutFreeText = (timeline: readonly MilestoneView[]): MilestoneView[] =>
  timeline.map((m) => ({ ...m, note: null, amendments: m.amendments.map((a) => ({ ...a, reason: null })) }));

/** The case of a whole stream; null for a stream with no enrolment. */
export function toParticipantCase(history: readonly RecordedJourneyEvent[], catalogue: Catalogue): ParticipantCaseView | null {
  let identity: CaseIdentity | null = null;
  let head: CaseHead | null = null;
  let timeline: MilestoneView[] = [];
  const notes: CaseNoteView[] = [];
  for (const recorded of history) {
    identity ??= identityOf(recorded.event);
    const change = changeCase(head, () => identity!, () => timeline, recorded, catalogue);
    if (change === null) continue;
    head = change.head;
    if (change.kind === 'milestone') timeline.push(change.milestone);
    if (change.kind === 'note') notes.push(change.note);
    if (change.kind === 'personal') identity = { ...identity!, personal: change.personal };
    if (change.kind === 'amended') [identity, timeline] = [change.identity, change.timeline];
  }
  if (identity === null || head === null) return null;
  const erased = head.state.personalDataErased;
  return {
    ...caseView(identity, head),
    lastMilestoneOn: lastMilestoneOn(timeline, identity.firstEnrolledOn),
    timeline: erased ? withoutFreeText(timeline) : timeline,
    notes: erased ? withoutNotes(notes) : notes,
  };
}
